// Where published routes live: the RouteStore contract and its one implementation over
// either engine (server/db/sql-client.ts: the embedded SQLite file or PostgreSQL).
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { RouteSchema, type Route, type RouteInput } from '@/scenes/routes/route-schema';
import { openDatabase } from '../db/database';
import type { SqlClient } from '../db/sql-client';
import { createSqliteSqlClient } from '../db/sqlite-sql-client';
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
  close(): Promise<void>;
}

export interface RouteStoreOptions {
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
  SELECT rv.route_id AS "routeId", rv.revision AS revision, rv.route_json AS "routeJson", rv.published_at AS "publishedAt"
  FROM routes r
  JOIN route_revisions rv ON rv.route_id = r.id AND rv.published = 1
  WHERE r.status = 'published'
    AND rv.revision = (
      SELECT MAX(latest.revision) FROM route_revisions latest
      WHERE latest.route_id = r.id AND latest.published = 1
    )`;

export function openSqliteRouteStore(filePath: string, options: RouteStoreOptions = {}): RouteStore {
  return createSqliteRouteStore(openDatabase(filePath), options);
}

/** Wraps an open, migrated SQLite database; the store owns it from then on and closes it. */
export function createSqliteRouteStore(db: Database.Database, options: RouteStoreOptions = {}): RouteStore {
  return createRouteStore(createSqliteSqlClient(db), options);
}

/** The store on an open, migrated client of either engine; close() closes the client. */
export function createRouteStore(client: SqlClient, options: RouteStoreOptions = {}): RouteStore {
  const log = options.log ?? console;
  const now = options.now ?? (() => new Date());

  return {
    async listPublished() {
      const published: PublishedRoute[] = [];
      for (const row of await client.all<PublishedRevisionRow>(`${LATEST_PUBLISHED_SQL} ORDER BY r.display_order, r.id`)) {
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
      const row = await client.get<PublishedRevisionRow>(`${LATEST_PUBLISHED_SQL} AND r.id = ?`, [id]);
      return row === undefined ? null : toPublishedRoute(row);
    },

    async seedPublished(routes) {
      const parsed = parseSeedRoutes(routes);
      const timestamp = now().toISOString();
      // One writer at a time: two processes starting on a fresh database must not both seed.
      return client.transaction(async (tx): Promise<SeedResult> => {
        const result: SeedResult = { inserted: [], skipped: [] };
        // Newly curated routes go after everything already in the catalogue, keeping staff's order.
        const next = await tx.get<{ displayOrder: number }>('SELECT COALESCE(MAX(display_order) + 1, 0) AS "displayOrder" FROM routes');
        let displayOrder = next?.displayOrder ?? 0;
        for (const route of parsed) {
          if ((await tx.get('SELECT 1 AS "seeded" FROM curated_route_seeds WHERE route_id = ?', [route.id])) !== undefined) {
            result.skipped.push(route.id);
            continue;
          }
          await tx.run('INSERT INTO curated_route_seeds (route_id, seeded_at) VALUES (?, ?)', [route.id, timestamp]);
          if ((await tx.get('SELECT 1 AS "exists" FROM routes WHERE id = ?', [route.id])) !== undefined) {
            result.skipped.push(route.id);
            continue;
          }
          await tx.run(`INSERT INTO routes (id, status, display_order, created_at, updated_at) VALUES (?, 'published', ?, ?, ?)`, [
            route.id,
            displayOrder++,
            timestamp,
            timestamp,
          ]);
          await tx.run(
            `INSERT INTO route_revisions (route_id, revision, route_json, published, created_at, published_at) VALUES (?, 1, ?, 1, ?, ?)`,
            [route.id, JSON.stringify(route), timestamp, timestamp],
          );
          result.inserted.push(route.id);
        }
        return result;
      });
    },

    close: () => client.close(),
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
