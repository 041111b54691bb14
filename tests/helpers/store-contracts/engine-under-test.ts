// What a store contract suite needs of a database engine: a fresh, migrated, empty database
// per test, reachable through as many clients as the test opens (two clients are two web
// app instances on one database). tests/unit runs the suites on SQLite files,
// tests/scale on a real PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlClient } from '@/server/db/open-sql-client';
import type { SqlClient } from '@/server/db/sql-client';
import type { RunningPostgres } from '../postgres-server';

export interface FreshDatabase {
  /** A new client on this database, migrated; the test closes it. */
  connect(): Promise<SqlClient>;
}

export interface EngineUnderTest {
  name: 'sqlite' | 'postgres';
  freshDatabase(): Promise<FreshDatabase>;
}

/** Each database a new file under `root`, opened with synchronous=FULL as the web app does. */
export function sqliteEngine(root: string = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-store-contract-'))): EngineUnderTest {
  let count = 0;
  return {
    name: 'sqlite',
    async freshDatabase() {
      const filePath = path.join(root, `contract-${++count}.sqlite`);
      return { connect: () => openSqlClient({ env: {}, filePath, synchronous: 'FULL' }) };
    },
  };
}

/** Each database a new one on the running server, migrated by the first client that opens it. */
export function postgresEngine(server: () => RunningPostgres): EngineUnderTest {
  let count = 0;
  return {
    name: 'postgres',
    async freshDatabase() {
      const url = await server().createDatabase(`contract_${++count}`);
      return { connect: () => openSqlClient({ env: { YUNSHAN_DATABASE_URL: url } }) };
    },
  };
}
