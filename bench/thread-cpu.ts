// CPU time of this process's threads, grouped by thread name, from Linux's /proc/self/task.
// process.cpuUsage() sums every thread; a stream bench needs to know which part of that is
// JavaScript on the main thread (what the server's code can cut) and which is native threads
// (wrtc's network and signalling threads: SCTP, DTLS, sockets), which no JavaScript change reaches.
import fs from 'node:fs';

/** Linux reports thread times in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

export interface TaskStat {
  name: string;
  /** User plus system time, seconds. */
  cpuS: number;
}

/**
 * One /proc/<pid>/task/<tid>/stat line: "tid (comm) state ppid ..." with utime and stime the
 * 14th and 15th fields. The name sits in parentheses and may itself hold spaces or ")", so
 * the fields are counted from the last ")".
 */
export function parseTaskStat(line: string): TaskStat {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`Not a /proc task stat line: ${line.slice(0, 80)}`);
  const fields = line
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // fields[0] is the state (field 3), so utime (field 14) is fields[11] and stime fields[12].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`No CPU times in task stat line: ${line.slice(0, 80)}`);
  return { name: line.slice(open + 1, close), cpuS: (utime + stime) / TICKS_PER_SECOND };
}

/** A name for a thread's group: the main thread apart, numbered threads of one kind together. */
export function threadGroupOf(name: string, isMainThread: boolean): string {
  if (isMainThread) return 'main thread (JavaScript)';
  return name.replace(/[\s_-]*\d+$/, '') || name;
}

export type ThreadCpu = ReadonlyMap<number, { group: string; cpuS: number }>;

/** This process's threads now, by thread id. Empty where /proc is not there (not Linux). */
export function readThreadCpu(): ThreadCpu {
  const threads = new Map<number, { group: string; cpuS: number }>();
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return threads;
  }
  for (const tid of tids) {
    let line: string;
    try {
      line = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended between the listing and the read
    }
    const stat = parseTaskStat(line);
    threads.set(Number(tid), { group: threadGroupOf(stat.name, Number(tid) === process.pid), cpuS: stat.cpuS });
  }
  return threads;
}

/**
 * Seconds of CPU per thread group between two readings, largest first. A thread that started
 * after the first reading counts from zero; one that ended before the second is lost (its
 * time is then missing from the split, not misattributed).
 */
export function threadCpuBetween(before: ThreadCpu, after: ThreadCpu): [group: string, cpuS: number][] {
  const byGroup = new Map<string, number>();
  for (const [tid, now] of after) {
    const spent = now.cpuS - (before.get(tid)?.cpuS ?? 0);
    if (spent > 0) byGroup.set(now.group, (byGroup.get(now.group) ?? 0) + spent);
  }
  return [...byGroup].sort((a, b) => b[1] - a[1]);
}
