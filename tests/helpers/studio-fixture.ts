// A studio ready for a curator, for end-to-end tests: a fresh SQLite file with one curator
// account (created the way `npm run staff` does), the real production Next server on it,
// and Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createStaffAccount } from '../../server/staff/staff-accounts';
import { openStaffServices } from '../../server/staff/staff-services';
import { launchChromium } from './browser';
import { startNextServer, type RunningNextServer } from './next-server';

export interface StudioFixture {
  server: RunningNextServer;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startStudioFixture(curator: { email: string; password: string }, name: string): Promise<StudioFixture> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `yunshan-${name}-`));
  const dbPath = path.join(tempDir, 'yunshan.sqlite');
  const services = openStaffServices(dbPath);
  try {
    await createStaffAccount(services, { ...curator, role: 'curator' });
  } finally {
    services.close();
  }
  const [server, browser] = await Promise.all([startNextServer({ dbPath }), launchChromium()]);
  return {
    server,
    browser,
    async stop() {
      await browser.close();
      await server.stop();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
