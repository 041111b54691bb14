// Reading /proc: every process's (or a process's every thread's) stat line, parsed. Processes
// come and go between the listing and the read; those are skipped, not errors.
import { readdir, readFile } from 'node:fs/promises';
import { parseProcStat, type ProcStat } from './process-priority';

/** Every readable stat under a /proc-like folder of numeric entries; entries that vanish mid-read are skipped. */
export async function readAllStats(dir: string): Promise<ProcStat[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const stats: ProcStat[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = parseProcStat(await readFile(`${dir}/${entry}/stat`, 'utf8'));
      if (stat !== null) stats.push(stat);
    } catch {
      // Gone already.
    }
  }
  return stats;
}
