// The SqlClient over one better-sqlite3 connection. better-sqlite3 answers synchronously,
// but a store's transaction now awaits between its statements, so the database is handed
// out in turn: while one transaction is open, every other query and transaction of this
// process on the same file waits for it, instead of landing inside it (same connection)
// or blocking the thread in SQLite's busy wait for a lock that only this thread can free
// (another connection to the file).
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { SqlClient, SqlQueries, SqlValue } from './sql-client';

export interface SqliteSqlClient extends SqlClient {
  readonly engine: 'sqlite';
  /** The connection itself, for what still speaks better-sqlite3 (the render server's bake queue). */
  readonly db: Database.Database;
}

/** One queue per database file in this process, shared by every client opened on it. */
const turnsByFile = new Map<string, { tail: Promise<unknown>; clients: number }>();
let memoryDatabases = 0;

/** Wraps an open, migrated database; close() closes it. */
export function createSqliteSqlClient(db: Database.Database): SqliteSqlClient {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const direct: SqlQueries = {
    engine: 'sqlite',
    all: async <Row>(sql: string, params: readonly SqlValue[] = []) => prepared(sql).all(...params) as Row[],
    get: async <Row>(sql: string, params: readonly SqlValue[] = []) => prepared(sql).get(...params) as Row | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => prepared(sql).run(...params).changes,
  };

  // The turn: each holder runs after the previous one settles, whatever its outcome.
  const key = db.memory ? `:memory:${++memoryDatabases}` : path.resolve(db.name);
  const turns = turnsByFile.get(key) ?? { tail: Promise.resolve(), clients: 0 };
  turns.clients++;
  turnsByFile.set(key, turns);
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turns.tail.then(work);
    turns.tail = result.catch(() => undefined);
    return result;
  };

  return {
    engine: 'sqlite',
    db,
    all: (sql, params) => inTurn(() => direct.all(sql, params)),
    get: (sql, params) => inTurn(() => direct.get(sql, params)),
    run: (sql, params) => inTurn(() => direct.run(sql, params)),
    transaction: (work) =>
      inTurn(async () => {
        // IMMEDIATE takes the write lock at once, against other processes on the same file too.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: async () => {
      db.close();
      if (--turns.clients === 0 && turnsByFile.get(key) === turns) turnsByFile.delete(key);
    },
  };
}
