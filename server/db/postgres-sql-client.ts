// The SqlClient over a PostgreSQL connection pool, for several web app instances on one
// database. Writers serialise on one transaction-scoped advisory lock, which gives every
// store the guarantee SQLite's BEGIN IMMEDIATE gave it: a check and the write it guards
// (a revision's base, the last admin, a login throttle) cannot interleave with another
// writer's, on this instance or any other. Studio and staff writes are rare; reads never wait.
import pg from 'pg';
import type { SqlClient, SqlQueries, SqlValue } from './sql-client';

/** The advisory lock key every Yunshan writer takes ("YUNS" in ASCII). */
export const WRITE_LOCK_KEY = 0x59554e53;

const INT8_OID = 20;

/** COUNT(*), BIGINT ids and epoch-ms columns come back as numbers, as SQLite gives them (all well below 2^53). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** `?` placeholders become $1, $2…; the shared SQL has no `?` inside literals. */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

function queriesOn(target: pg.Pool | pg.PoolClient): SqlQueries {
  const query = async (sql: string, params: readonly SqlValue[] = []) => target.query(numberPlaceholders(sql), params as SqlValue[]);
  return {
    engine: 'postgres',
    all: async <Row>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as Row[],
    get: async <Row>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows[0] as Row | undefined,
    run: async (sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rowCount ?? 0,
  };
}

export interface PostgresSqlClient extends SqlClient {
  readonly engine: 'postgres';
}

export function createPostgresSqlClient(connectionString: string, poolSize = 10): PostgresSqlClient {
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  // An idle connection the server drops (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return {
    ...queriesOn(pool),
    engine: 'postgres',
    async transaction(work) {
      const connection = await pool.connect();
      let broken: Error | undefined;
      try {
        await connection.query('BEGIN');
        await connection.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
        const result = await work(queriesOn(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped rather than handed to the next caller.
        await connection.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        connection.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
