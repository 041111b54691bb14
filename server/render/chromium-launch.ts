// Starting one headless Chromium for rendering: Debian's chromium through playwright-core,
// a GL backend that gives WebGL2 on this host, a fresh profile folder, and the browser's
// process id so a hung browser can be killed outright. By default the whole browser runs at
// the lowest CPU priority, so a bake yields to the web app, the streams and any browser.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { LOWEST_NICE } from './process-priority';
import { startPriorityKeeper, type PriorityKeeper } from './priority-keeper';
import { ChromiumMissingError } from './renderer-errors';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * ANGLE on EGL reaches Mesa llvmpipe, 4–6× faster than SwiftShader on a CPU host;
 * --ignore-gpu-blocklist is what lets llvmpipe give WebGL2 at all.
 */
export const DEFAULT_GL_FLAGS: readonly string[] = ['--use-angle=gl-egl', '--ignore-gpu-blocklist', '--enable-unsafe-swiftshader'];

const BASE_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--mute-audio',
  // The render page is never visible: keep it from being throttled as a background tab.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export interface ChromiumLaunchOptions {
  executablePath: string;
  glFlags: readonly string[];
  timeoutMs: number;
  /** Nice 19 and SCHED_IDLE on every process and thread of the browser, kept there while it runs. */
  lowPriority: boolean;
}

export function chromiumLaunchDefaults(
  env: NodeJS.ProcessEnv = process.env,
): Pick<ChromiumLaunchOptions, 'executablePath' | 'glFlags' | 'lowPriority'> {
  const override = env.YUNSHAN_RENDER_GL_FLAGS;
  return {
    executablePath: env.YUNSHAN_CHROMIUM_PATH ?? env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH,
    glFlags: override !== undefined ? override.split(/\s+/).filter(Boolean) : DEFAULT_GL_FLAGS,
    lowPriority: env.YUNSHAN_RENDER_LOW_PRIORITY !== '0',
  };
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** The browser process (not the wrapper script, not a child process). */
  processId: number | null;
  userDataDir: string;
  /** Lowers whatever in the browser's tree runs above the lowest priority now (a no-op when lowPriority is off). */
  lowerPriorityNow(): Promise<void>;
  /** Kills the browser process tree at once, then releases the profile folder. */
  kill(): Promise<void>;
}

export async function launchChromium(
  options: ChromiumLaunchOptions,
  viewport: { width: number; height: number },
): Promise<LaunchedChromium> {
  if (!existsSync(options.executablePath)) throw new ChromiumMissingError(options.executablePath);
  // playwright-core refuses --user-data-dir in args; a persistent context on a fresh folder also tells us which process is ours.
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'yunshan-renderer-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: options.lowPriority ? await writeLowPriorityLauncher(userDataDir, options.executablePath) : options.executablePath,
      headless: true,
      timeout: options.timeoutMs,
      viewport,
      deviceScaleFactor: 1,
      args: [...BASE_FLAGS, ...options.glFlags],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const processId = await findBrowserProcessId(userDataDir);
  const keeper: PriorityKeeper | null = options.lowPriority && processId !== null ? startPriorityKeeper(processId) : null;
  return {
    context,
    processId,
    userDataDir,
    lowerPriorityNow: () => keeper?.applyNow() ?? Promise.resolve(),
    async kill() {
      keeper?.stop();
      if (processId !== null) {
        try {
          process.kill(processId, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      // After SIGKILL the connection is closed, so this returns at once; it can hang only on a live, stuck browser.
      await Promise.race([context.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      // Dying child processes may still write into the profile for a moment.
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
    },
  };
}

/**
 * Starts the browser already at the lowest priority, so everything it forks inherits it
 * (SCHED_IDLE where util-linux's chrt is there and allowed). playwright-core takes one
 * executable, so this is a script in the profile folder that execs into Chromium: the pid stays the browser's.
 */
async function writeLowPriorityLauncher(userDataDir: string, executablePath: string): Promise<string> {
  const launcher = path.join(userDataDir, 'launch-low-priority.sh');
  const quoted = `'${executablePath.replaceAll("'", "'\\''")}'`;
  await writeFile(
    launcher,
    [
      '#!/bin/sh',
      `if command -v chrt >/dev/null 2>&1 && chrt --idle 0 true 2>/dev/null; then exec nice -n ${LOWEST_NICE} chrt --idle 0 ${quoted} "$@"; fi`,
      `exec nice -n ${LOWEST_NICE} ${quoted} "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return launcher;
}

/**
 * Linux: the browser's main process is the one whose command line names our profile folder and has
 * no --type= (its children do); Debian's wrapper script execs it, but a shell copy is skipped anyway.
 */
async function findBrowserProcessId(userDataDir: string): Promise<number | null> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0');
    } catch {
      continue;
    }
    const isShell = /(^|\/)(ba|da)?sh$/.test(args[0] ?? '');
    if (!isShell && args.includes(`--user-data-dir=${userDataDir}`) && !args.some((arg) => arg.startsWith('--type='))) return Number(entry);
  }
  return null;
}
