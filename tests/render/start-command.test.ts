// `npm start` as an operator runs it: it sets Chromium up the way `npm test` does (the
// ensure script), the render server launches the browser YUNSHAN_CHROMIUM_PATH names, and
// the site starts even when cloud rendering cannot. Needs `next build` to have run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MISSING_CHROMIUM = '/nonexistent/yunshan-test-chromium';
const READY_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForAnswer(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before ${url} answered:\n${output()}`);
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5_000) });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  throw new Error(`${url} did not answer within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

describe('npm start with YUNSHAN_CHROMIUM_PATH pointing at no browser', () => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let webUrl: string;
  let renderUrl: string;

  before(async () => {
    assert.ok(fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')), 'run `npx next build` first (npm start would build)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-start-'));
    const [webPort, renderPort] = [await freePort(), await freePort()];
    webUrl = `http://127.0.0.1:${webPort}`;
    renderUrl = `http://127.0.0.1:${renderPort}`;
    // Its own process group, so the cleanup ends npm start's children and nothing else.
    child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(webPort),
        YUNSHAN_RENDER_PORT: String(renderPort),
        YUNSHAN_DB_PATH: path.join(dir, 'yunshan.sqlite'),
        YUNSHAN_FRAMES_DIR: path.join(dir, 'frames'),
        YUNSHAN_CHROMIUM_PATH: MISSING_CHROMIUM,
        CHROMIUM_PATH: '/usr/bin/chromium',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  });

  after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const force = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(force);
    }
    killGroup(child, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the render server launches the browser YUNSHAN_CHROMIUM_PATH names, and says it is missing', async () => {
    const health = await waitForAnswer(`${renderUrl}/healthz`, child, () => output);
    const report = (await health.json()) as { status: string; baking: boolean; detail: string };
    assert.equal(report.baking, false);
    assert.equal(report.status, 'degraded');
    assert.ok(report.detail.includes(MISSING_CHROMIUM), report.detail);
  });

  test('the ensure script ran first and named the variable to fix', () => {
    assert.match(output, new RegExp(`YUNSHAN_CHROMIUM_PATH=${MISSING_CHROMIUM} is not an executable Chromium`));
    assert.ok(output.indexOf('is not an executable Chromium') < output.indexOf('[render] Render server on'), output);
  });

  test('the site starts anyway', async () => {
    const home = await waitForAnswer(`${webUrl}/`, child, () => output);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Yunshan|云山/);
  });

  test('the web app asks the render server beside it, which takes bake requests only with the token made for this launch', async () => {
    await waitForAnswer(`${renderUrl}/healthz`, child, () => output);
    // The catalogue's cloud badges come from the render server's bake table (its sweep queued every route).
    assert.match(await (await fetch(`${webUrl}/`)).text(), /data-testid="cloud-readiness" data-state="queued"/);
    const refused = await fetch(`${renderUrl}/api/bake-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer a-guess-that-is-not-the-token' },
      body: JSON.stringify({ routeId: 'hallelujah-flyover', revision: 1 }),
    });
    assert.equal(refused.status, 401);
    // Not "has no token set": npm start gave the render server one.
    assert.match(
      ((await refused.json()) as { error: { message: string } }).error.message,
      /not this render server's YUNSHAN_RENDER_API_TOKEN/,
    );
  });
});
