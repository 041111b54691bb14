// How much of the machine the foreground is using, from two readings of /proc: the whole
// machine's busy time (/proc/stat) less what background processes (nice above 0: our own
// renderers at nice 19, other bakes, anyone's niced batch job) spent in the same interval.
// A renderer's system time counts as its own (Mesa's and SwiftShader's worker threads spend
// about half a core in the kernel while a bake runs), so /proc/stat's "nice" column alone,
// which holds only user time, would mistake a bake for foreground work. Pure: the bake
// yield reads the files and keeps the readings.
import type { ProcStat } from './process-priority';

export interface CpuReading {
  /** Ticks the machine spent busy (user, nice, system, irq, softirq, steal) since boot, all CPUs together. */
  busyTicks: number;
  /** Busy plus idle and iowait: all CPUs' time since boot. */
  totalTicks: number;
  /** Per background process (nice > 0): its user plus system ticks so far. */
  backgroundTicks: ReadonlyMap<number, number>;
}

/** The aggregate "cpu" line of /proc/stat as busy and total ticks; null when the text is not that. */
export function parseCpuLine(procStat: string): { busyTicks: number; totalTicks: number } | null {
  const line = procStat.split('\n').find((row) => row.startsWith('cpu '));
  if (line === undefined) return null;
  const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  const fields = [user, nice, system, idle, iowait, irq, softirq, steal];
  if (fields.some((field) => !Number.isFinite(field))) return null;
  const busyTicks = user + nice + system + irq + softirq + steal;
  return { busyTicks, totalTicks: busyTicks + idle + iowait };
}

/** A process that asked to run in the background: any nice value above the default. */
export function isBackground(process: Pick<ProcStat, 'nice'>): boolean {
  return process.nice > 0;
}

/** Background processes' CPU ticks by pid, from a snapshot of every process. */
export function backgroundTicksOf(processes: readonly Pick<ProcStat, 'pid' | 'nice' | 'cpuTicks'>[]): Map<number, number> {
  return new Map(processes.filter(isBackground).map((process) => [process.pid, process.cpuTicks]));
}

/**
 * Cores' worth of foreground work between two readings. A background process seen only in
 * the later reading started in between, so all its time counts; one seen only in the earlier
 * reading ended, and its last moments are lost (a small error towards "busy", the safe side).
 */
export function foregroundCores(before: CpuReading, after: CpuReading, cpuCount: number): number {
  const total = after.totalTicks - before.totalTicks;
  if (total <= 0) return 0;
  let background = 0;
  for (const [pid, ticks] of after.backgroundTicks) background += Math.max(0, ticks - (before.backgroundTicks.get(pid) ?? 0));
  const foreground = Math.max(0, after.busyTicks - before.busyTicks - background);
  return Math.min(cpuCount, (foreground / total) * cpuCount);
}
