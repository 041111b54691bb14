// Conflicts a studio write can run into, carrying what the editor needs to recover:
// the revision that is current now, so a curator can reload without losing their edits.
import { ConflictError, hasDomainErrorCode } from '../errors';
import type { StoredRevision } from './studio-route-contracts';

export const REVISION_CONFLICT_CODE = 'revision_conflict';

/** A save or restore based on a revision that is no longer the latest. */
export class RevisionConflictError extends ConflictError {
  override name = 'RevisionConflictError';
  override readonly code = REVISION_CONFLICT_CODE;
  readonly current: StoredRevision;

  constructor(baseRevision: number, current: StoredRevision) {
    super(
      `This route was changed elsewhere: you edited revision ${baseRevision}, but revision ${current.revision} is now the latest. Reload it, then apply your changes again.`,
    );
    this.current = current;
  }
}

/** By code, not `instanceof`: the store that threw may come from another bundle's copy of this module. */
export function isRevisionConflictError(error: unknown): error is RevisionConflictError {
  return hasDomainErrorCode(error, REVISION_CONFLICT_CODE) && typeof (error as Partial<RevisionConflictError>).current === 'object';
}

/** Archived routes are read-only until unarchived. */
export class RouteArchivedError extends ConflictError {
  override name = 'RouteArchivedError';
}
