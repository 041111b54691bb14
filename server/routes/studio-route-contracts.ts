// What the curator studio reads and writes about routes: drafts as immutable revisions,
// publishing, restoring, duplicating and archiving, each recorded in the audit log.
import type { LocalizedText, Route, RouteInput } from '@/scenes/routes/route-schema';
import type { LandmarkId } from '@/scenes/world/landmarks';
import type { AuditActor, AuditEntry, AuditQuery } from '../audit/route-audit-log';

export type RouteStatus = 'draft' | 'published' | 'archived';

/** Ids the studio's URLs use for themselves (/api/studio/routes/audit, /studio/routes/new). */
export const RESERVED_ROUTE_IDS: ReadonlySet<string> = new Set(['audit', 'new']);

export interface RevisionInfo {
  revision: number;
  createdAt: string;
  published: boolean;
  publishedAt: string | null;
  /** Who wrote this revision (from the audit log); null for seeded routes. */
  authorEmail: string | null;
  /** How it came to be: created, saved, restored (from sourceRevision) or duplicated. */
  origin: 'created' | 'saved' | 'restored' | 'duplicated' | 'seeded';
  sourceRevision: number | null;
}

export interface StudioRouteSummary {
  id: string;
  status: RouteStatus;
  /** Title, landmark and duration of the latest revision, published or not. */
  title: LocalizedText;
  landmark: LandmarkId;
  durationS: number;
  latestRevision: number;
  /** The revision visitors see; null until the route is first published. */
  publishedRevision: number | null;
  /** True when a saved draft is newer than what visitors see. */
  hasUnpublishedChanges: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StudioRouteDetail extends StudioRouteSummary {
  /** The latest revision's route: what the editor opens. */
  route: Route;
  /** Newest first. */
  revisions: RevisionInfo[];
}

export interface StoredRevision {
  routeId: string;
  revision: number;
  route: Route;
  createdAt: string;
  published: boolean;
  publishedAt: string | null;
}

export interface SaveResult {
  revision: number;
  /** False when the route was identical to its base: no new revision was written. */
  created: boolean;
  updatedAt: string;
}

export interface StudioRouteStore {
  /** Every route the studio knows, archived ones included, in catalogue order. */
  list(): Promise<StudioRouteSummary[]>;
  /** Throws NotFoundError for an unknown id. */
  get(id: string): Promise<StudioRouteDetail>;
  getRevision(id: string, revision: number): Promise<StoredRevision>;
  /** A new draft route at revision 1; ConflictError when the id is taken or reserved. */
  create(route: RouteInput, actor: AuditActor): Promise<StudioRouteDetail>;
  /**
   * Writes `route` as a new revision on top of `baseRevision`. A base that is not the
   * latest revision throws RevisionConflictError carrying the latest one.
   */
  save(id: string, change: { baseRevision: number; route: RouteInput }, actor: AuditActor): Promise<SaveResult>;
  /** Marks `revision` (which must be the latest) published; visitors see it at once. */
  publish(id: string, revision: number, actor: AuditActor): Promise<StoredRevision>;
  /** Copies an earlier revision as a new, unpublished latest revision. */
  restore(id: string, change: { revision: number; baseRevision: number }, actor: AuditActor): Promise<SaveResult>;
  /** A new draft route holding a copy of `id`'s latest revision under `newId`. */
  duplicate(id: string, copy: { newId: string; title: LocalizedText }, actor: AuditActor): Promise<StudioRouteDetail>;
  /** Archived routes leave the catalogue and refuse saves; unarchiving brings back their published revision. */
  setArchived(id: string, archived: boolean, actor: AuditActor): Promise<StudioRouteSummary>;
  auditLog(query?: AuditQuery): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
