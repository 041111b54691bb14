// The web tier's store contracts on the embedded engine: each test on its own SQLite file.
// The same suites run on a real PostgreSQL in tests/scale/store-contracts-postgres.test.ts.
import { after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sqliteEngine } from '../helpers/store-contracts/engine-under-test';
import { describeRouteStoreContract } from '../helpers/store-contracts/route-store-contract';
import { describeStaffStoreContract } from '../helpers/store-contracts/staff-store-contract';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-store-contract-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const engine = sqliteEngine(root);
describeRouteStoreContract(engine);
describeStaffStoreContract(engine);
