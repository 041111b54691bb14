// The studio's SQLite route store: every write is one IMMEDIATE transaction on a
// connection with synchronous=FULL, so an answered save survives a crash right after it.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { RouteSchema, type Route, type RouteInput } from '../../scenes/routes/route-schema';
import { createRouteAuditLog, type AuditActor } from '../audit/route-audit-log';
import { openDatabase } from '../db/database';
import { ConflictError, DataIntegrityError, NotFoundError, ValidationError } from '../errors';
import { RevisionConflictError, RouteArchivedError } from './route-write-errors';
import {
  RESERVED_ROUTE_IDS,
  type RevisionInfo,
  type RouteStatus,
  type SaveResult,
  type StoredRevision,
  type StudioRouteDetail,
  type StudioRouteStore,
  type StudioRouteSummary,
} from './studio-route-contracts';

export interface StudioRouteStoreOptions {
  now?: () => Date;
}

interface RouteRow {
  id: string;
  status: RouteStatus;
  createdAt: string;
  updatedAt: string;
  latestRevision: number;
  publishedRevision: number | null;
  routeJson: string;
}

interface RevisionRow {
  routeId: string;
  revision: number;
  routeJson: string;
  published: number;
  createdAt: string;
  publishedAt: string | null;
}

interface RevisionInfoRow {
  revision: number;
  createdAt: string;
  published: number;
  publishedAt: string | null;
  authorEmail: string | null;
  action: string | null;
  sourceRevision: number | null;
}

const ROUTE_SQL = `
  SELECT r.id AS id, r.status AS status, r.created_at AS createdAt, r.updated_at AS updatedAt,
    (SELECT MAX(revision) FROM route_revisions WHERE route_id = r.id) AS latestRevision,
    (SELECT MAX(revision) FROM route_revisions WHERE route_id = r.id AND published = 1) AS publishedRevision,
    (SELECT route_json FROM route_revisions WHERE route_id = r.id ORDER BY revision DESC LIMIT 1) AS routeJson
  FROM routes r`;

const REVISION_COLUMNS = `route_id AS routeId, revision, route_json AS routeJson, published, created_at AS createdAt, published_at AS publishedAt`;

/** Opens the file for studio writes: the app's pragmas, then synchronous=FULL on this connection. */
export function openStudioDatabase(filePath: string): Database.Database {
  return openDatabase(filePath, { synchronous: 'FULL' });
}

export function openStudioRouteStore(filePath: string, options: StudioRouteStoreOptions = {}): StudioRouteStore {
  return createStudioRouteStore(openStudioDatabase(filePath), options);
}

/** Wraps an open, migrated database; the store owns it from then on and closes it. */
export function createStudioRouteStore(db: Database.Database, options: StudioRouteStoreOptions = {}): StudioRouteStore {
  const now = options.now ?? (() => new Date());
  const audit = createRouteAuditLog(db);

  const selectRoutes = db.prepare<[], RouteRow>(`${ROUTE_SQL} ORDER BY r.display_order, r.id`);
  const selectRoute = db.prepare<[string], RouteRow>(`${ROUTE_SQL} WHERE r.id = ?`);
  const selectRevision = db.prepare<[string, number], RevisionRow>(
    `SELECT ${REVISION_COLUMNS} FROM route_revisions WHERE route_id = ? AND revision = ?`,
  );
  const selectLatestRevision = db.prepare<[string], RevisionRow>(
    `SELECT ${REVISION_COLUMNS} FROM route_revisions WHERE route_id = ? ORDER BY revision DESC LIMIT 1`,
  );
  // The audit line that wrote each revision names its author and origin.
  const selectRevisionInfos = db.prepare<[string], RevisionInfoRow>(
    `SELECT rv.revision AS revision, rv.created_at AS createdAt, rv.published AS published, rv.published_at AS publishedAt,
       a.staff_email AS authorEmail, a.action AS action, a.source_revision AS sourceRevision
     FROM route_revisions rv
     LEFT JOIN route_audit_log a ON a.id = (
       SELECT MIN(id) FROM route_audit_log
       WHERE route_id = rv.route_id AND revision = rv.revision AND action IN ('created', 'saved', 'restored', 'duplicated')
     )
     WHERE rv.route_id = ?
     ORDER BY rv.revision DESC`,
  );
  const routeExists = db.prepare<[string], 1>('SELECT 1 FROM routes WHERE id = ?').pluck();
  const nextDisplayOrder = db.prepare<[], number>('SELECT COALESCE(MAX(display_order) + 1, 0) FROM routes').pluck();
  const insertRoute = db.prepare<[string, number, string, string]>(
    `INSERT INTO routes (id, status, display_order, created_at, updated_at) VALUES (?, 'draft', ?, ?, ?)`,
  );
  const insertRevision = db.prepare<[string, number, string, string]>(
    `INSERT INTO route_revisions (route_id, revision, route_json, published, created_at) VALUES (?, ?, ?, 0, ?)`,
  );
  const markPublished = db.prepare<[string, string, number]>(
    'UPDATE route_revisions SET published = 1, published_at = ? WHERE route_id = ? AND revision = ?',
  );
  const setStatus = db.prepare<[RouteStatus, string, string]>('UPDATE routes SET status = ?, updated_at = ? WHERE id = ?');
  const touchRoute = db.prepare<[string, string]>('UPDATE routes SET updated_at = ? WHERE id = ?');

  function requireRoute(id: string): RouteRow {
    const row = selectRoute.get(id);
    if (row === undefined) throw new NotFoundError(`There is no route with the id "${id}".`);
    return row;
  }

  function latestOf(id: string): StoredRevision {
    const row = selectLatestRevision.get(id);
    if (row === undefined) throw new DataIntegrityError(`route "${id}" has no revisions.`);
    return toStoredRevision(row);
  }

  function requireWritable(row: RouteRow): void {
    if (row.status === 'archived') {
      throw new RouteArchivedError(`The route "${row.id}" is archived. Unarchive it before changing it.`);
    }
  }

  function requireBase(row: RouteRow, baseRevision: number): void {
    if (row.latestRevision !== baseRevision) throw new RevisionConflictError(baseRevision, latestOf(row.id));
  }

  function detailOf(id: string): StudioRouteDetail {
    const row = requireRoute(id);
    const summary = toSummary(row);
    const route = parseStoredRoute(row.id, row.latestRevision, row.routeJson);
    const revisions = selectRevisionInfos.all(id).map(toRevisionInfo);
    return { ...summary, route, revisions };
  }

  function assertNewId(id: string): void {
    if (RESERVED_ROUTE_IDS.has(id)) throw new ConflictError(`"${id}" is reserved by the studio; choose another route id.`);
    if (routeExists.get(id) !== undefined) throw new ConflictError(`A route with the id "${id}" already exists.`);
  }

  function insertNewRoute(route: Route, timestamp: string): void {
    insertRoute.run(route.id, nextDisplayOrder.get() ?? 0, timestamp, timestamp);
    insertRevision.run(route.id, 1, JSON.stringify(route), timestamp);
  }

  const createTx = db.transaction((route: Route, actor: AuditActor, timestamp: string) => {
    assertNewId(route.id);
    insertNewRoute(route, timestamp);
    audit.record({ actor, action: 'created', routeId: route.id, revision: 1 }, timestamp);
  });

  const saveTx = db.transaction((id: string, baseRevision: number, route: Route, actor: AuditActor, timestamp: string): SaveResult => {
    const row = requireRoute(id);
    requireWritable(row);
    requireBase(row, baseRevision);
    const json = JSON.stringify(route);
    // An autosave with nothing new (or an undo back to the saved state) adds no revision.
    if (json === JSON.stringify(parseStoredRoute(row.id, row.latestRevision, row.routeJson))) {
      return { revision: row.latestRevision, created: false, updatedAt: row.updatedAt };
    }
    const revision = row.latestRevision + 1;
    insertRevision.run(id, revision, json, timestamp);
    touchRoute.run(timestamp, id);
    audit.record({ actor, action: 'saved', routeId: id, revision }, timestamp);
    return { revision, created: true, updatedAt: timestamp };
  });

  const publishTx = db.transaction((id: string, revision: number, actor: AuditActor, timestamp: string): StoredRevision => {
    const row = requireRoute(id);
    requireBase(row, revision);
    const current = selectRevision.get(id, revision);
    if (current === undefined) throw new DataIntegrityError(`route "${id}" lost revision ${revision}.`);
    if (current.published === 1 && row.status === 'published') return toStoredRevision(current);
    if (current.published === 0) markPublished.run(timestamp, id, revision);
    setStatus.run('published', timestamp, id);
    audit.record({ actor, action: 'published', routeId: id, revision }, timestamp);
    return toStoredRevision(selectRevision.get(id, revision)!);
  });

  const restoreTx = db.transaction((id: string, source: number, baseRevision: number, actor: AuditActor, timestamp: string): SaveResult => {
    const row = requireRoute(id);
    requireWritable(row);
    requireBase(row, baseRevision);
    const sourceRow = selectRevision.get(id, source);
    if (sourceRow === undefined) throw new NotFoundError(`The route "${id}" has no revision ${source}.`);
    const route = parseStoredRoute(id, source, sourceRow.routeJson);
    const revision = row.latestRevision + 1;
    insertRevision.run(id, revision, JSON.stringify(route), timestamp);
    touchRoute.run(timestamp, id);
    audit.record({ actor, action: 'restored', routeId: id, revision, sourceRouteId: id, sourceRevision: source }, timestamp);
    return { revision, created: true, updatedAt: timestamp };
  });

  const duplicateTx = db.transaction((id: string, copy: Route, actor: AuditActor, timestamp: string) => {
    const sourceRow = requireRoute(id);
    assertNewId(copy.id);
    insertNewRoute(copy, timestamp);
    audit.record(
      { actor, action: 'duplicated', routeId: copy.id, revision: 1, sourceRouteId: id, sourceRevision: sourceRow.latestRevision },
      timestamp,
    );
  });

  const archiveTx = db.transaction((id: string, archived: boolean, actor: AuditActor, timestamp: string) => {
    const row = requireRoute(id);
    const target: RouteStatus = archived ? 'archived' : row.publishedRevision === null ? 'draft' : 'published';
    if ((row.status === 'archived') === archived) return;
    setStatus.run(target, timestamp, id);
    audit.record({ actor, action: archived ? 'archived' : 'unarchived', routeId: id, revision: row.latestRevision }, timestamp);
  });

  const stamp = () => now().toISOString();

  return {
    async list() {
      return selectRoutes.all().map(toSummary);
    },

    async get(id) {
      return detailOf(id);
    },

    async getRevision(id, revision) {
      requireRoute(id);
      const row = selectRevision.get(id, revision);
      if (row === undefined) throw new NotFoundError(`The route "${id}" has no revision ${revision}.`);
      return toStoredRevision(row);
    },

    async create(input, actor) {
      const route = parseRouteInput(input);
      createTx.immediate(route, actor, stamp());
      return detailOf(route.id);
    },

    async save(id, { baseRevision, route: input }, actor) {
      const route = parseRouteInput(input);
      if (route.id !== id) throw new ConflictError(`The route body is "${route.id}", but it was saved to "${id}"; a route's id cannot change.`);
      return saveTx.immediate(id, baseRevision, route, actor, stamp());
    },

    async publish(id, revision, actor) {
      return publishTx.immediate(id, revision, actor, stamp());
    },

    async restore(id, { revision, baseRevision }, actor) {
      return restoreTx.immediate(id, revision, baseRevision, actor, stamp());
    },

    async duplicate(id, { newId, title }, actor) {
      const source = latestOf(requireRoute(id).id);
      const copy = parseRouteInput({ ...source.route, id: newId, title });
      duplicateTx.immediate(id, copy, actor, stamp());
      return detailOf(newId);
    },

    async setArchived(id, archived, actor) {
      archiveTx.immediate(id, archived, actor, stamp());
      return toSummary(requireRoute(id));
    },

    async auditLog(query) {
      return audit.list(query);
    },

    close() {
      db.close();
    },
  };
}

function parseRouteInput(input: RouteInput): Route {
  const result = RouteSchema.safeParse(input);
  if (!result.success) throw new ValidationError('The route is not valid.', result.error.issues);
  return result.data;
}

/** A stored row is only trusted once it parses. */
function parseStoredRoute(routeId: string, revision: number, json: string): Route {
  const where = `route "${routeId}" revision ${revision}`;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new DataIntegrityError(`${where} is not valid JSON (${(error as Error).message}).`);
  }
  const result = RouteSchema.safeParse(value);
  if (!result.success) throw new DataIntegrityError(`${where} is not a valid route: ${z.prettifyError(result.error).replaceAll('\n', ' ')}`);
  return result.data;
}

function toStoredRevision(row: RevisionRow): StoredRevision {
  return {
    routeId: row.routeId,
    revision: row.revision,
    route: parseStoredRoute(row.routeId, row.revision, row.routeJson),
    createdAt: row.createdAt,
    published: row.published === 1,
    publishedAt: row.publishedAt,
  };
}

function toSummary(row: RouteRow): StudioRouteSummary {
  const route = parseStoredRoute(row.id, row.latestRevision, row.routeJson);
  return {
    id: row.id,
    status: row.status,
    title: route.title,
    landmark: route.landmark,
    durationS: route.durationS,
    latestRevision: row.latestRevision,
    publishedRevision: row.publishedRevision,
    hasUnpublishedChanges: row.publishedRevision !== null && row.latestRevision > row.publishedRevision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toRevisionInfo(row: RevisionInfoRow): RevisionInfo {
  const origin = row.action === 'created' || row.action === 'saved' || row.action === 'restored' || row.action === 'duplicated' ? row.action : 'seeded';
  return {
    revision: row.revision,
    createdAt: row.createdAt,
    published: row.published === 1,
    publishedAt: row.publishedAt,
    authorEmail: row.authorEmail,
    origin,
    sourceRevision: origin === 'restored' ? row.sourceRevision : null,
  };
}
