// The staff connection syncs every commit: a revoked session or a changed role that was
// answered must not come back after a crash or power loss.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStaffServices } from '@/server/staff/staff-services';
import { openDatabase } from '@/server/db/database';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-staff-durability-'));
after(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

// SQLite reports synchronous as a number: 1 = NORMAL, 2 = FULL.
const FULL = 2;
const NORMAL = 1;

test('the staff services connection writes with WAL and synchronous = FULL', () => {
  const services = openStaffServices(path.join(tempRoot, 'staff.sqlite'));
  try {
    assert.equal(services.db.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(services.db.db.pragma('synchronous', { simple: true }), FULL);
  } finally {
    services.close();
  }
});

test('other connections keep NORMAL unless they ask for FULL', () => {
  const plain = openDatabase(path.join(tempRoot, 'plain.sqlite'));
  const durable = openDatabase(path.join(tempRoot, 'durable.sqlite'), { synchronous: 'FULL' });
  try {
    assert.equal(plain.pragma('synchronous', { simple: true }), NORMAL);
    assert.equal(durable.pragma('synchronous', { simple: true }), FULL);
  } finally {
    plain.close();
    durable.close();
  }
});
