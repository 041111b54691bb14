// The studio's route store on either engine (server/db/sql-client.ts): every write is one
// transaction that no other writer interleaves with, and its audit line lands in the same
// transaction. On SQLite the connection runs synchronous=FULL, so an answered save
// survives a crash right after it; on Postgres a commit is durable by default.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { RouteSchema, type Route, type RouteInput } from '@/scenes/routes/route-schema';
import { createRouteAuditLog } from '../audit/route-audit-log';
import { openDatabase } from '../db/database';
import type { SqlClient, SqlQueries } from '../db/sql-client';
import { createSqliteSqlClient } from '../db/sqlite-sql-client';
import { isUniqueViolation } from '../db/unique-violation';
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
  SELECT r.id AS id, r.status AS status, r.created_at AS "createdAt", r.updated_at AS "updatedAt",
    (SELECT MAX(revision) FROM route_revisions WHERE route_id = r.id) AS "latestRevision",
    (SELECT MAX(revision) FROM route_revisions WHERE route_id = r.id AND published = 1) AS "publishedRevision",
    (SELECT route_json FROM route_revisions WHERE route_id = r.id ORDER BY revision DESC LIMIT 1) AS "routeJson"
  FROM routes r`;

const REVISION_COLUMNS = `route_id AS "routeId", revision, route_json AS "routeJson", published, created_at AS "createdAt", published_at AS "publishedAt"`;
const SELECT_REVISION = `SELECT ${REVISION_COLUMNS} FROM route_revisions WHERE route_id = ? AND revision = ?`;
// The audit line that wrote each revision names its author and origin.
const SELECT_REVISION_INFOS = `
  SELECT rv.revision AS revision, rv.created_at AS "createdAt", rv.published AS published, rv.published_at AS "publishedAt",
    a.staff_email AS "authorEmail", a.action AS action, a.source_revision AS "sourceRevision"
  FROM route_revisions rv
  LEFT JOIN route_audit_log a ON a.id = (
    SELECT MIN(id) FROM route_audit_log
    WHERE route_id = rv.route_id AND revision = rv.revision AND action IN ('created', 'saved', 'restored', 'duplicated')
  )
  WHERE rv.route_id = ?
  ORDER BY rv.revision DESC`;

/** Opens the file for studio writes: the app's pragmas, then synchronous=FULL on this connection. */
export function openStudioDatabase(filePath: string): Database.Database {
  return openDatabase(filePath, { synchronous: 'FULL' });
}

export function openStudioRouteStore(filePath: string, options: StudioRouteStoreOptions = {}): StudioRouteStore {
  return createStudioRouteStore(createSqliteSqlClient(openStudioDatabase(filePath)), options);
}

/** The statements of one route, on the client itself or inside a transaction. */
function routeQueries(db: SqlQueries) {
  const requireRoute = async (id: string): Promise<RouteRow> => {
    const row = await db.get<RouteRow>(`${ROUTE_SQL} WHERE r.id = ?`, [id]);
    if (row === undefined) throw new NotFoundError(`There is no route with the id "${id}".`);
    return row;
  };
  const revision = (id: string, number: number) => db.get<RevisionRow>(SELECT_REVISION, [id, number]);
  const insertRevision = (id: string, number: number, json: string, timestamp: string) =>
    db.run('INSERT INTO route_revisions (route_id, revision, route_json, published, created_at) VALUES (?, ?, ?, 0, ?)', [
      id,
      number,
      json,
      timestamp,
    ]);
  const latestOf = async (id: string): Promise<StoredRevision> => {
    const row = await db.get<RevisionRow>(
      `SELECT ${REVISION_COLUMNS} FROM route_revisions WHERE route_id = ? ORDER BY revision DESC LIMIT 1`,
      [id],
    );
    if (row === undefined) throw new DataIntegrityError(`route "${id}" has no revisions.`);
    return toStoredRevision(row);
  };
  return {
    requireRoute,
    revision,
    latestOf,
    async detailOf(id: string): Promise<StudioRouteDetail> {
      const row = await requireRoute(id);
      const summary = toSummary(row);
      const route = parseStoredRoute(row.id, row.latestRevision, row.routeJson);
      const revisions = (await db.all<RevisionInfoRow>(SELECT_REVISION_INFOS, [id])).map(toRevisionInfo);
      return { ...summary, route, revisions };
    },
    async requireBase(row: RouteRow, baseRevision: number): Promise<void> {
      if (row.latestRevision !== baseRevision) throw new RevisionConflictError(baseRevision, await latestOf(row.id));
    },
    async assertNewId(id: string): Promise<void> {
      if (RESERVED_ROUTE_IDS.has(id)) throw new ConflictError(`"${id}" is reserved by the studio; choose another route id.`);
      if ((await db.get('SELECT 1 AS "exists" FROM routes WHERE id = ?', [id])) !== undefined) {
        throw new ConflictError(`A route with the id "${id}" already exists.`);
      }
    },
    async insertNewRoute(route: Route, timestamp: string): Promise<void> {
      const next = await db.get<{ displayOrder: number }>('SELECT COALESCE(MAX(display_order) + 1, 0) AS "displayOrder" FROM routes');
      await db.run(`INSERT INTO routes (id, status, display_order, created_at, updated_at) VALUES (?, 'draft', ?, ?, ?)`, [
        route.id,
        next?.displayOrder ?? 0,
        timestamp,
        timestamp,
      ]);
      await insertRevision(route.id, 1, JSON.stringify(route), timestamp);
    },
    insertRevision,
    markPublished: (id: string, number: number, timestamp: string) =>
      db.run('UPDATE route_revisions SET published = 1, published_at = ? WHERE route_id = ? AND revision = ?', [timestamp, id, number]),
    setStatus: (id: string, status: RouteStatus, timestamp: string) =>
      db.run('UPDATE routes SET status = ?, updated_at = ? WHERE id = ?', [status, timestamp, id]),
    touch: (id: string, timestamp: string) => db.run('UPDATE routes SET updated_at = ? WHERE id = ?', [timestamp, id]),
  };
}

function requireWritable(row: RouteRow): void {
  if (row.status === 'archived') throw new RouteArchivedError(`The route "${row.id}" is archived. Unarchive it before changing it.`);
}

/** Wraps an open, migrated database; the store owns it from then on and closes it. */
export function createStudioRouteStore(client: SqlClient, options: StudioRouteStoreOptions = {}): StudioRouteStore {
  const now = options.now ?? (() => new Date());
  const stamp = () => now().toISOString();
  const reads = routeQueries(client);

  /** One write transaction with the route statements and the audit log bound to it. */
  const write = <T>(work: (q: ReturnType<typeof routeQueries>, audit: ReturnType<typeof createRouteAuditLog>) => Promise<T>) =>
    client.transaction((tx) => work(routeQueries(tx), createRouteAuditLog(tx)));

  /**
   * A new revision number taken by another writer between our check and our insert: the
   * writers' lock should make this impossible, and if it ever happens it is the same
   * conflict, so the editor gets the same 409 with the revision that won.
   */
  const asRevisionConflict = async <T>(id: string, baseRevision: number, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new RevisionConflictError(baseRevision, await reads.latestOf(id));
      throw error;
    }
  };
  const asIdConflict = async <T>(id: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`A route with the id "${id}" already exists.`);
      throw error;
    }
  };

  /**
   * A write that adds a revision on top of `baseRevision`: in one transaction, the route must
   * exist, not be archived and still be at `baseRevision` (else 409 with the revision that won)
   * before `work` runs with its row.
   */
  const writeOnBase = <T>(
    id: string,
    baseRevision: number,
    work: (q: ReturnType<typeof routeQueries>, audit: ReturnType<typeof createRouteAuditLog>, row: RouteRow) => Promise<T>,
  ): Promise<T> =>
    asRevisionConflict(id, baseRevision, () =>
      write(async (q, audit) => {
        const row = await q.requireRoute(id);
        requireWritable(row);
        await q.requireBase(row, baseRevision);
        return work(q, audit, row);
      }),
    );

  return {
    async list() {
      return (await client.all<RouteRow>(`${ROUTE_SQL} ORDER BY r.display_order, r.id`)).map(toSummary);
    },

    get: (id) => reads.detailOf(id),

    async getRevision(id, revision) {
      await reads.requireRoute(id);
      const row = await reads.revision(id, revision);
      if (row === undefined) throw new NotFoundError(`The route "${id}" has no revision ${revision}.`);
      return toStoredRevision(row);
    },

    async create(input, actor) {
      const route = parseRouteInput(input);
      const timestamp = stamp();
      await asIdConflict(route.id, () =>
        write(async (q, audit) => {
          await q.assertNewId(route.id);
          await q.insertNewRoute(route, timestamp);
          await audit.record({ actor, action: 'created', routeId: route.id, revision: 1 }, timestamp);
        }),
      );
      return reads.detailOf(route.id);
    },

    async save(id, { baseRevision, route: input }, actor) {
      const route = parseRouteInput(input);
      if (route.id !== id)
        throw new ConflictError(`The route body is "${route.id}", but it was saved to "${id}"; a route's id cannot change.`);
      const timestamp = stamp();
      return writeOnBase(id, baseRevision, async (q, audit, row): Promise<SaveResult> => {
        const json = JSON.stringify(route);
        // An autosave with nothing new (or an undo back to the saved state) adds no revision.
        if (json === JSON.stringify(parseStoredRoute(row.id, row.latestRevision, row.routeJson))) {
          return { revision: row.latestRevision, created: false, updatedAt: row.updatedAt };
        }
        const revision = row.latestRevision + 1;
        await q.insertRevision(id, revision, json, timestamp);
        await q.touch(id, timestamp);
        await audit.record({ actor, action: 'saved', routeId: id, revision }, timestamp);
        return { revision, created: true, updatedAt: timestamp };
      });
    },

    async publish(id, revision, actor) {
      const timestamp = stamp();
      return write(async (q, audit) => {
        const row = await q.requireRoute(id);
        await q.requireBase(row, revision);
        const current = await q.revision(id, revision);
        if (current === undefined) throw new DataIntegrityError(`route "${id}" lost revision ${revision}.`);
        if (current.published === 1 && row.status === 'published') return toStoredRevision(current);
        if (current.published === 0) await q.markPublished(id, revision, timestamp);
        await q.setStatus(id, 'published', timestamp);
        await audit.record({ actor, action: 'published', routeId: id, revision }, timestamp);
        return toStoredRevision((await q.revision(id, revision))!);
      });
    },

    async restore(id, { revision: source, baseRevision }, actor) {
      const timestamp = stamp();
      return writeOnBase(id, baseRevision, async (q, audit, row): Promise<SaveResult> => {
        const sourceRow = await q.revision(id, source);
        if (sourceRow === undefined) throw new NotFoundError(`The route "${id}" has no revision ${source}.`);
        const route = parseStoredRoute(id, source, sourceRow.routeJson);
        const revision = row.latestRevision + 1;
        await q.insertRevision(id, revision, JSON.stringify(route), timestamp);
        await q.touch(id, timestamp);
        await audit.record({ actor, action: 'restored', routeId: id, revision, sourceRouteId: id, sourceRevision: source }, timestamp);
        return { revision, created: true, updatedAt: timestamp };
      });
    },

    async duplicate(id, { newId, title }, actor) {
      const source = await reads.latestOf((await reads.requireRoute(id)).id);
      const copy = parseRouteInput({ ...source.route, id: newId, title });
      const timestamp = stamp();
      await asIdConflict(newId, () =>
        write(async (q, audit) => {
          const sourceRow = await q.requireRoute(id);
          await q.assertNewId(copy.id);
          await q.insertNewRoute(copy, timestamp);
          await audit.record(
            { actor, action: 'duplicated', routeId: copy.id, revision: 1, sourceRouteId: id, sourceRevision: sourceRow.latestRevision },
            timestamp,
          );
        }),
      );
      return reads.detailOf(newId);
    },

    async setArchived(id, archived, actor) {
      const timestamp = stamp();
      await write(async (q, audit) => {
        const row = await q.requireRoute(id);
        const target: RouteStatus = archived ? 'archived' : row.publishedRevision === null ? 'draft' : 'published';
        if ((row.status === 'archived') === archived) return;
        await q.setStatus(id, target, timestamp);
        await audit.record({ actor, action: archived ? 'archived' : 'unarchived', routeId: id, revision: row.latestRevision }, timestamp);
      });
      return toSummary(await reads.requireRoute(id));
    },

    auditLog: (query) => createRouteAuditLog(client).list(query),

    close: () => client.close(),
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
  if (!result.success)
    throw new DataIntegrityError(`${where} is not a valid route: ${z.prettifyError(result.error).replaceAll('\n', ' ')}`);
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
  const origin =
    row.action === 'created' || row.action === 'saved' || row.action === 'restored' || row.action === 'duplicated' ? row.action : 'seeded';
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
