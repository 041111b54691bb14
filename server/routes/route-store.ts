// Where published routes live: the RouteStore seam (a PostgreSQL store can replace
// the embedded one) and its SQLite implementation. All route SQL is in this module.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { RouteSchema, type Route, type RouteInput } from '../../scenes/routes/route-schema';
import { openDatabase } from '../db/database';
import { DataIntegrityError, ValidationError, isDataIntegrityError } from '../errors';

/** What a visitor sees of a route: its latest published revision. */
export interface PublishedRoute {
  route: Route;
  revision: number;
  publishedAt: string;
}

export interface SeedResult {
  /** Ids inserted as published revision 1. */
  inserted: string[];
  /** Ids left alone: seeded before (even if since deleted) or already present. */
  skipped: string[];
}

/** Asynchronous so that a networked database can stand behind the same interface. */
export interface RouteStore {
  /** Every published route in catalogue order; a corrupt row is logged and left out. */
  listPublished(): Promise<PublishedRoute[]>;
  /** The latest published revision, or null when the route is unknown or not published. */
  getPublished(id: string): Promise<PublishedRoute | null>;
  /**
   * Inserts each route as published revision 1 unless that id was seeded before
   * or already exists, so staff edits and deletions survive every restart.
   */
  seedPublished(routes: readonly RouteInput[]): Promise<SeedResult>;
  close(): void;
}

export interface SqliteRouteStoreOptions {
  /** Receives one line per corrupt row skipped while listing. */
  log?: Pick<Console, 'error'>;
  now?: () => Date;
}

interface PublishedRevisionRow {
  routeId: string;
  revision: number;
  routeJson: string;
  publishedAt: string;
}

const LATEST_PUBLISHED_SQL = `
  SELECT rv.route_id AS routeId, rv.revision AS revision, rv.route_json AS routeJson, rv.published_at AS publishedAt
  FROM routes r
  JOIN route_revisions rv ON rv.route_id = r.id AND rv.published = 1
  WHERE r.status = 'published'
    AND rv.revision = (
      SELECT MAX(latest.revision) FROM route_revisions latest
      WHERE latest.route_id = r.id AND latest.published = 1
    )`;

export function openSqliteRouteStore(filePath: string, options: SqliteRouteStoreOptions = {}): RouteStore {
  return createSqliteRouteStore(openDatabase(filePath), options);
}

/** Wraps an open, migrated database; the store owns it from then on and closes it. */
export function createSqliteRouteStore(db: Database.Database, options: SqliteRouteStoreOptions = {}): RouteStore {
  const log = options.log ?? console;
  const now = options.now ?? (() => new Date());

  const listPublishedRows = db.prepare<[], PublishedRevisionRow>(`${LATEST_PUBLISHED_SQL} ORDER BY r.display_order, r.id`);
  const getPublishedRow = db.prepare<[string], PublishedRevisionRow>(`${LATEST_PUBLISHED_SQL} AND r.id = ?`);
  const wasSeeded = db.prepare<[string], 1>('SELECT 1 FROM curated_route_seeds WHERE route_id = ?').pluck();
  const routeExists = db.prepare<[string], 1>('SELECT 1 FROM routes WHERE id = ?').pluck();
  const nextDisplayOrder = db.prepare<[], number>('SELECT COALESCE(MAX(display_order) + 1, 0) FROM routes').pluck();
  const insertRoute = db.prepare<[string, number, string, string]>(
    `INSERT INTO routes (id, status, display_order, created_at, updated_at) VALUES (?, 'published', ?, ?, ?)`,
  );
  const insertPublishedRevision = db.prepare<[string, string, string, string]>(
    `INSERT INTO route_revisions (route_id, revision, route_json, published, created_at, published_at)
     VALUES (?, 1, ?, 1, ?, ?)`,
  );
  const recordSeed = db.prepare<[string, string]>('INSERT INTO curated_route_seeds (route_id, seeded_at) VALUES (?, ?)');

  const seed = db.transaction((routes: readonly Route[], timestamp: string): SeedResult => {
    const result: SeedResult = { inserted: [], skipped: [] };
    // Newly curated routes go after everything already in the catalogue, keeping staff's order.
    let displayOrder = nextDisplayOrder.get() ?? 0;
    for (const route of routes) {
      if (wasSeeded.get(route.id) !== undefined) {
        result.skipped.push(route.id);
        continue;
      }
      recordSeed.run(route.id, timestamp);
      if (routeExists.get(route.id) !== undefined) {
        result.skipped.push(route.id);
        continue;
      }
      insertRoute.run(route.id, displayOrder++, timestamp, timestamp);
      insertPublishedRevision.run(route.id, JSON.stringify(route), timestamp, timestamp);
      result.inserted.push(route.id);
    }
    return result;
  });

  return {
    async listPublished() {
      const published: PublishedRoute[] = [];
      for (const row of listPublishedRows.all()) {
        try {
          published.push(toPublishedRoute(row));
        } catch (error) {
          if (!isDataIntegrityError(error)) throw error;
          log.error(`[route-store] skipped from the list: ${error.message}`);
        }
      }
      return published;
    },

    async getPublished(id) {
      const row = getPublishedRow.get(id);
      return row === undefined ? null : toPublishedRoute(row);
    },

    async seedPublished(routes) {
      const parsed = parseSeedRoutes(routes);
      // IMMEDIATE: two processes starting on a fresh file must not both seed.
      return seed.immediate(parsed, now().toISOString());
    },

    close() {
      db.close();
    },
  };
}

function parseSeedRoutes(routes: readonly RouteInput[]): Route[] {
  const result = z.array(RouteSchema).safeParse(routes);
  if (!result.success) throw new ValidationError('A route to seed is not a valid route.', result.error.issues);
  const ids = new Set<string>();
  for (const route of result.data) {
    if (ids.has(route.id)) throw new Error(`Route id "${route.id}" appears twice in the routes to seed.`);
    ids.add(route.id);
  }
  return result.data;
}

/** Re-validates what the database returned: a row is only trusted once it parses. */
function toPublishedRoute(row: PublishedRevisionRow): PublishedRoute {
  const where = `route "${row.routeId}" revision ${row.revision}`;
  let json: unknown;
  try {
    json = JSON.parse(row.routeJson);
  } catch (error) {
    throw new DataIntegrityError(`${where} is not valid JSON (${(error as Error).message}).`);
  }
  const result = RouteSchema.safeParse(json);
  if (!result.success) {
    throw new DataIntegrityError(`${where} is not a valid route: ${z.prettifyError(result.error).replaceAll('\n', ' ')}`);
  }
  if (result.data.id !== row.routeId) {
    throw new DataIntegrityError(`${where} holds route "${result.data.id}".`);
  }
  return { route: result.data, revision: row.revision, publishedAt: row.publishedAt };
}
