// What /proc says about a process tree's scheduling, as pure functions over recorded text:
// which processes descend from a browser, and which of their threads still run above the
// lowest priority. The priority keeper does the reading and the changing.

/** Linux's SCHED_IDLE policy number, field 41 of /proc/PID/stat. */
export const SCHED_IDLE = 5;
/** The lowest priority a nice value gives. */
export const LOWEST_NICE = 19;

export interface ProcStat {
  pid: number;
  ppid: number;
  nice: number;
  /** Scheduling policy: 0 normal, 3 batch, 5 idle. */
  policy: number;
  /** User plus system CPU time so far, in clock ticks (USER_HZ, as /proc/stat counts). */
  cpuTicks: number;
}

/**
 * One /proc/PID/stat or /proc/PID/task/TID/stat line. The command name (field 2) sits in
 * parentheses and may itself hold spaces and parentheses, so fields are counted from the last ')'.
 */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const pid = Number(text.slice(0, open).trim());
  // Field 3 (state) is the first after the name.
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const field = (n: number) => Number(rest[n - 3]);
  const stat = { pid, ppid: field(4), nice: field(19), policy: field(41), cpuTicks: field(14) + field(15) };
  return Object.values(stat).every(Number.isInteger) ? stat : null;
}

/** The root and every process below it, from a snapshot of all processes' parents. */
export function descendantPids(rootPid: number, processes: readonly Pick<ProcStat, 'pid' | 'ppid'>[]): number[] {
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of processes) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const seen = new Set<number>();
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    found.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** A thread needs its nice value lowered when it runs above the lowest priority. */
export function needsLowestNice(thread: Pick<ProcStat, 'nice'>): boolean {
  return thread.nice < LOWEST_NICE;
}

/** A thread needs the idle policy unless it has it already. */
export function needsIdlePolicy(thread: Pick<ProcStat, 'policy'>): boolean {
  return thread.policy !== SCHED_IDLE;
}
