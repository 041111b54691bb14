// A studio ready for a curator, for end-to-end tests: a fresh SQLite file with one curator
// account (created the way `npm run staff` does), the real production Next server on it, the
// render server beside it (baking off: published bakes stay queued), and Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createStaffAccount } from '@/server/staff/staff-accounts';
import { openStaffServices } from '@/server/staff/staff-services';
import { launchChromium } from './browser';
import { startNextServer, type RunningNextServer } from './next-server';
import { startWebRenderServer } from './web-render-server';

export interface StudioFixture {
  server: RunningNextServer;
  browser: Browser;
  stop(): Promise<void>;
}

/** Signs in through the studio's own form, as a person would: the studio first sends a stranger there. */
export async function signInToStudio(page: Page, baseUrl: string, staff: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/studio`);
  await page.waitForURL('**/studio/login**');
  await page.locator('input[name="email"]').fill(staff.email);
  await page.locator('input[name="password"]').fill(staff.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/studio');
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
  const render = await startWebRenderServer(dbPath);
  const [server, browser] = await Promise.all([startNextServer({ dbPath, env: render.webEnv }), launchChromium()]);
  return {
    server,
    browser,
    async stop() {
      await browser.close();
      await server.stop();
      await render.stop();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
