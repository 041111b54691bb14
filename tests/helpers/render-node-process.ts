// A render node as its own process (server/main.ts), as a deploy runs it: started with the
// given environment, waited for until /healthz answers, and stopped by signal (SIGTERM drains,
// SIGKILL is a crash). For the tests of several render nodes on one Redis.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface RenderNodeProcess {
  url: string;
  child: ChildProcess;
  /** What it printed so far (stdout and stderr), for failure messages and log checks. */
  output: () => string;
  /** Its exit code once it exits. */
  exited: Promise<number | null>;
  /** SIGKILL unless it already exited; resolves once it has. */
  kill(): Promise<void>;
}

export async function startRenderNodeProcess(
  url: string,
  env: Record<string, string>,
  readyTimeoutMs = 30_000,
): Promise<RenderNodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const node: RenderNodeProcess = {
    url,
    child,
    output: () => output,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  while ((await fetch(`${url}/healthz`).catch(() => null))?.ok !== true) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await node.kill();
      throw new Error(`the render node at ${url} did not answer /healthz\n${output}`);
    }
    await sleep(100);
  }
  return node;
}
