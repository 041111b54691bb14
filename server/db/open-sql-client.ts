// Which database a process uses: PostgreSQL when YUNSHAN_DATABASE_URL names one
// (postgres:// or postgresql://), else the embedded SQLite file (YUNSHAN_DB_PATH or
// data/yunshan.sqlite). Either way the schema is migrated before the client is returned.
import { openDatabase, resolveDatabasePath, type OpenDatabaseOptions } from './database';
import { applyPostgresMigrations } from './postgres-migrations';
import { createPostgresSqlClient } from './postgres-sql-client';
import type { SqlClient } from './sql-client';
import { createSqliteSqlClient } from './sqlite-sql-client';

type Env = Readonly<Record<string, string | undefined>>;

/** The Postgres connection string from env YUNSHAN_DATABASE_URL, or null for the embedded SQLite file. */
export function resolveDatabaseUrl(env: Env = process.env): string | null {
  const configured = env.YUNSHAN_DATABASE_URL?.trim();
  if (!configured) return null;
  if (!/^postgres(ql)?:\/\//i.test(configured)) {
    throw new Error('YUNSHAN_DATABASE_URL must be a postgres:// or postgresql:// URL; leave it unset for the embedded SQLite file.');
  }
  return configured;
}

export interface OpenSqlClientOptions extends OpenDatabaseOptions {
  env?: Env;
  /** The SQLite file when no Postgres URL is set; defaults to resolveDatabasePath(env). */
  filePath?: string;
}

export async function openSqlClient(options: OpenSqlClientOptions = {}): Promise<SqlClient> {
  const { env = process.env, filePath, ...sqliteOptions } = options;
  const url = resolveDatabaseUrl(env);
  if (url === null) return createSqliteSqlClient(openDatabase(filePath ?? resolveDatabasePath(env), sqliteOptions));
  const client = createPostgresSqlClient(url);
  try {
    await applyPostgresMigrations(client);
    return client;
  } catch (error) {
    await client.close();
    throw error;
  }
}
