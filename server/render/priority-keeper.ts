// Keeps a browser's whole process tree at the lowest CPU priority: nice 19 on every thread
// and, where the kernel allows, SCHED_IDLE. Chromium raises its own GPU and compositor
// threads after start (to nice -8 when it runs as root), so one pass at launch is not
// enough: the keeper looks again every few seconds and lowers whatever rose or is new.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { descendantPids, LOWEST_NICE, needsIdlePolicy, needsLowestNice } from './process-priority';
import { readAllStats } from './proc-stats';

const run = promisify(execFile);
export const PRIORITY_KEEPER_INTERVAL_MS = 3_000;

export interface PriorityKeeper {
  /** One pass now; resolves when every thread seen has been lowered (or found gone). */
  applyNow(): Promise<void>;
  stop(): void;
}

export interface PriorityKeeperOptions {
  intervalMs?: number;
  /** Also set SCHED_IDLE with util-linux's chrt; off where chrt is missing or refused. */
  idlePolicy?: boolean;
}

export function startPriorityKeeper(rootPid: number, options: PriorityKeeperOptions = {}): PriorityKeeper {
  let idlePolicy = options.idlePolicy ?? true;
  let running: Promise<void> | null = null;
  let stopped = false;

  const pass = async () => {
    const pids = descendantPids(rootPid, await readAllStats('/proc'));
    const needIdle = new Set<number>();
    for (const pid of pids) {
      for (const thread of await readAllStats(`/proc/${pid}/task`)) {
        if (needsLowestNice(thread)) {
          try {
            os.setPriority(thread.pid, LOWEST_NICE);
          } catch {
            // The thread ended between the read and the change.
          }
        }
        if (idlePolicy && needsIdlePolicy(thread)) needIdle.add(pid);
      }
    }
    for (const pid of needIdle) {
      if (stopped || !idlePolicy) break;
      try {
        await run('chrt', ['--idle', '--all-tasks', '--pid', '0', String(pid)]);
      } catch (error) {
        // No chrt, or a kernel that refuses SCHED_IDLE: nice 19 still holds. A process that ended is no reason to stop.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || /not permitted/i.test(String((error as { stderr?: string }).stderr)))
          idlePolicy = false;
      }
    }
  };

  const applyNow = () => {
    running ??= pass().finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void applyNow().catch(() => undefined);
  }, options.intervalMs ?? PRIORITY_KEEPER_INTERVAL_MS);
  timer.unref();
  void applyNow().catch(() => undefined);

  return {
    applyNow,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
