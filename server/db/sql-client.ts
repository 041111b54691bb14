// The one seam every web-tier store talks through, so each store's logic is written once
// and runs on the embedded SQLite file or on PostgreSQL. SQL passed here is the dialect
// both engines share: `?` placeholders (numbered for Postgres by its client), column
// aliases in double quotes (Postgres folds bare aliases to lower case), INSERT … RETURNING.

export type SqlEngine = 'sqlite' | 'postgres';
export type SqlValue = string | number | null;

export interface SqlQueries {
  readonly engine: SqlEngine;
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** The first row, or undefined. */
  get<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlClient extends SqlQueries {
  /**
   * Runs `work` in one write transaction that no other writer interleaves with (SQLite's
   * BEGIN IMMEDIATE; on Postgres a transaction-scoped advisory lock every writer takes),
   * so a check and the write it guards see the same rows. Commits when `work` resolves,
   * rolls back when it throws. Queries inside must go through `tx`, not this client.
   */
  transaction<T>(work: (tx: SqlQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Runs `work` in a write transaction of its own on a client, or as part of the caller's
 * when handed a transaction's queries: a store built on `tx` joins the caller's transaction.
 */
export function inWriteTransaction<T>(db: SqlClient | SqlQueries, work: (tx: SqlQueries) => Promise<T>): Promise<T> {
  return 'transaction' in db ? db.transaction(work) : work(db);
}
