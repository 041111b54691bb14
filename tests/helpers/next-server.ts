// Starts the real production Next server (`next start`) on a free port with its own
// fresh SQLite file, for API and end-to-end tests. Needs `next build` to have run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules', '.bin', 'next');
const OUTPUT_TAIL_CHARS = 4000;

export interface RunningNextServer {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  baseUrl: string;
  /** The SQLite file this server uses (YUNSHAN_DB_PATH). */
  dbPath: string;
  /** What the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Stops the server and removes its temporary database folder. */
  stop(): Promise<void>;
}

export interface StartNextServerOptions {
  /** Use this database file instead of a fresh one (it is then not deleted on stop). */
  dbPath?: string;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

export async function startNextServer(options: StartNextServerOptions = {}): Promise<RunningNextServer> {
  assertProductionBuildExists();
  const tempDir = options.dbPath === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-next-')) : undefined;
  const dbPath = options.dbPath ?? path.join(tempDir!, 'yunshan.sqlite');
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  // Own process group, so stop() ends the server and anything it spawned, and nothing else.
  const child = spawn(NEXT_BIN, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: REPO_ROOT,
    // No render server unless the test names one (YUNSHAN_RENDER_INTERNAL_URL): a free port nobody
    // listens on, never whatever happens to run on this machine's :3001.
    env: {
      ...process.env,
      YUNSHAN_RENDER_INTERNAL_URL: `http://127.0.0.1:${await findFreePort()}`,
      ...options.env,
      YUNSHAN_DB_PATH: dbPath,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: withPeerAddressHook(process.env.NODE_OPTIONS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const server: RunningNextServer = {
    baseUrl,
    dbPath,
    output: () => output,
    async stop() {
      process.off('exit', killOnExit);
      await stopProcess(child);
      if (tempDir !== undefined) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };

  try {
    await waitUntilServing(baseUrl, child, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- next start output ---\n${output}`, { cause: error });
  }
  return server;
}

/** As `npm start` runs it: the hook appends the peer address to X-Forwarded-For, which Next does not do. */
function withPeerAddressHook(nodeOptions = ''): string {
  return `${nodeOptions} --import "${pathToFileURL(path.join(REPO_ROOT, 'server', 'staff', 'peer-address-hook.mjs')).href}"`.trim();
}

function assertProductionBuildExists(): void {
  const buildIdPath = path.join(REPO_ROOT, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildIdPath)) {
    throw new Error(
      `No production build: ${buildIdPath} is missing. Run \`npx next build\` before the API and end-to-end tests (npm test does).`,
    );
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('Could not find a free port.'))));
    });
  });
}

/** Ready once any HTTP answer comes back; an unknown /api path is cheap and touches no page. */
async function waitUntilServing(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited before serving (code ${child.exitCode}, signal ${child.signalCode}).`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/__readiness-probe`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`next start did not answer on ${baseUrl} within ${timeoutMs} ms.`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
