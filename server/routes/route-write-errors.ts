// Conflicts a studio write can run into, carrying what the editor needs to recover:
// the revision that is current now, so a curator can reload without losing their edits.
import { ConflictError } from '../errors';
import type { StoredRevision } from './studio-route-contracts';

/** A save or restore based on a revision that is no longer the latest. */
export class RevisionConflictError extends ConflictError {
  override name = 'RevisionConflictError';
  readonly current: StoredRevision;

  constructor(baseRevision: number, current: StoredRevision) {
    super(
      `This route was changed elsewhere: you edited revision ${baseRevision}, but revision ${current.revision} is now the latest. Reload it, then apply your changes again.`,
    );
    this.current = current;
  }
}

/** Archived routes are read-only until unarchived. */
export class RouteArchivedError extends ConflictError {
  override name = 'RouteArchivedError';
}
