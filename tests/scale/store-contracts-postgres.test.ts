// The web tier's store contracts on a real PostgreSQL (Debian's postgresql 15, started on
// loopback by the test with its data in a temp folder), each test on a fresh database: the
// same suites tests/unit/store-contracts-sqlite.test.ts runs on the embedded engine.
import { after, before } from 'node:test';
import { postgresEngine } from '../helpers/store-contracts/engine-under-test';
import { describeRouteStoreContract } from '../helpers/store-contracts/route-store-contract';
import { describeStaffStoreContract } from '../helpers/store-contracts/staff-store-contract';
import { startPostgresServer, type RunningPostgres } from '../helpers/postgres-server';

let server: RunningPostgres;
before(async () => {
  server = await startPostgresServer();
});
after(async () => {
  await server?.stop();
});

const engine = postgresEngine(() => server);
describeRouteStoreContract(engine);
describeStaffStoreContract(engine);
