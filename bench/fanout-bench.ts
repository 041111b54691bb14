// `npm run bench:fanout` (issue 13): a holiday crowd on HTTP segments. The render server (its
// own process, baking off) serves a baked 20 s 360p route behind a real nginx cache started
// by the bench (tests/helpers/nginx-cache.ts, one worker, a cold cache per row); N simulated
// viewers in several Node processes on loopback (bench/fanout-viewers.ts) each fetch the
// manifest and play 20 segments at 30 fps of real time. Per row: the origin's requests per
// segment (from its /metrics), the CPU of the origin, of nginx and of the viewer processes
// (% of one core over the row's wall time, from /proc and process.cpuUsage), viewers per core
// of the serving stack (origin + nginx), the share of viewers that never stalled, and time to
// the first segment. Goal: 2,000 viewers with the origin under 5 % of one core, all at full
// frame rate. The viewers share this machine's cores with the stack: on a small machine their
// own CPU, not the stack's, is what limits full frame rate.
// YUNSHAN_BENCH_FANOUT_VIEWERS (default 500,2000), YUNSHAN_BENCH_FANOUT_PROCESSES (default one
// per 250 viewers, 2 to 8), YUNSHAN_BENCH_FANOUT_NGINX_WORKERS (default 1).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freeLoopbackPort } from '../tests/helpers/free-port';
import { bakeHttpTestRoute, type BakedHttpRoute } from '../tests/helpers/http-segment-origin';
import { startNginxCache } from '../tests/helpers/nginx-cache';
import type { ViewerOutcome } from './fanout-viewers';
import { percentile, startTable } from './stats';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const SEGMENTS_PLAYED = 20;
const START_SPREAD_MS = 2_000;
const ROW_LIMIT_MS = 40_000;
/** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

function listFromEnv(name: string, fallback: string): number[] {
  const values = (process.env[name] ?? fallback)
    .split(',')
    .filter((item) => item.trim() !== '')
    .map(Number);
  if (!values.every((value) => Number.isInteger(value) && value >= 1))
    throw new Error(`${name}: whole numbers, comma-separated, not ${process.env[name]}`);
  return values;
}

/** CPU time (user + system) of a live process, in ms, from /proc/<pid>/stat. */
function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The process and its direct children (nginx: the master and its workers). */
function processFamily(pid: number): number[] {
  const children = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children];
}

const familyCpuMs = (pids: readonly number[]) => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);

async function startOrigin(baked: BakedHttpRoute): Promise<{ child: ChildProcess; url: string; exited: Promise<void> }> {
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...baked.renderEnv(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (data: Buffer) => (errors += data.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`the render server exited with ${child.exitCode}:\n${errors}`);
    const healthy = await fetch(`${url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return { child, url, exited };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the render server did not answer /healthz within a minute:\n${errors}`);
}

async function originSegmentRequests(originUrl: string): Promise<number> {
  const text = await (await fetch(`${originUrl}/metrics`)).text();
  return text
    .split('\n')
    .map((line) => /^yunshan_http_segment_requests_total\{([^}]*)\} (\S+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[1].includes('kind="segment"'))
    .reduce((sum, match) => sum + Number(match[2]), 0);
}

function runViewers(
  baseUrl: string,
  baked: BakedHttpRoute,
  viewers: number,
  processes: number,
): Promise<{ outcomes: ViewerOutcome[]; cpuMs: number }> {
  const runs = Array.from({ length: processes }, (_, index) => {
    const share = Math.floor(viewers / processes) + (index < viewers % processes ? 1 : 0);
    const config = {
      baseUrl,
      key: baked.key,
      viewers: share,
      startSpreadMs: START_SPREAD_MS,
      segments: SEGMENTS_PLAYED,
      limitMs: ROW_LIMIT_MS,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/fanout-viewers.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, FANOUT_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    return new Promise<{ outcomes: ViewerOutcome[]; cpuMs: number }>((resolve, reject) =>
      child.once('exit', (code) => {
        const line = output.split('\n').find((candidate) => candidate.startsWith('FANOUT_RESULT '));
        if (line === undefined) reject(new Error(`a viewer process exited with ${code} and no result:\n${output.slice(-2000)}`));
        else resolve(JSON.parse(line.slice('FANOUT_RESULT '.length)) as { outcomes: ViewerOutcome[]; cpuMs: number });
      }),
    );
  });
  return Promise.all(runs).then((results) => ({
    outcomes: results.flatMap((result) => result.outcomes),
    cpuMs: results.reduce((sum, result) => sum + result.cpuMs, 0),
  }));
}

export async function benchFanout(): Promise<void> {
  const viewerCounts = listFromEnv('YUNSHAN_BENCH_FANOUT_VIEWERS', '500,2000');
  const nginxWorkers = listFromEnv('YUNSHAN_BENCH_FANOUT_NGINX_WORKERS', '1')[0];
  const baked = await bakeHttpTestRoute('360p', (line) => console.log(line));
  const origin = await startOrigin(baked);
  try {
    const table = startTable(
      `HTTP segment fan-out: 360p route, ${SEGMENTS_PLAYED} segments a viewer at 30 fps, nginx cache (${nginxWorkers} worker), cold per row; CPU as % of one core over the row (goal: 2,000 viewers, origin < 5 %, all at full rate)`,
      [
        'viewers',
        'processes',
        'origin req/segment',
        'origin CPU %',
        'nginx CPU %',
        'viewers CPU %',
        'stack viewers/core',
        'full frame rate',
        'first segment p50/p95 ms',
        'errors',
      ],
      9,
    );
    for (const viewers of viewerCounts) {
      const processes = Number(process.env.YUNSHAN_BENCH_FANOUT_PROCESSES ?? Math.min(8, Math.max(2, Math.ceil(viewers / 250))));
      const nginx = await startNginxCache({ upstream: origin.url, workers: nginxWorkers });
      try {
        const nginxPids = processFamily(nginx.pid);
        const requestsBefore = await originSegmentRequests(origin.url);
        const originBefore = processCpuMs(origin.child.pid!);
        const nginxBefore = familyCpuMs(nginxPids);
        const startedMs = performance.now();
        const result = await runViewers(nginx.url, baked, viewers, processes);
        const wallMs = performance.now() - startedMs;
        const originMs = processCpuMs(origin.child.pid!) - originBefore;
        const nginxMs = familyCpuMs(nginxPids) - nginxBefore;
        const requests = (await originSegmentRequests(origin.url)) - requestsBefore;
        const fullRate = result.outcomes.filter((outcome) => outcome.fullRate).length;
        const errors = result.outcomes.filter((outcome) => outcome.error !== null);
        const firsts = result.outcomes.map((outcome) => outcome.firstSegmentMs).filter((value): value is number => value !== null);
        const percent = (cpuMs: number) => (100 * cpuMs) / wallMs;
        table.row([
          viewers,
          processes,
          (requests / SEGMENTS_PLAYED).toFixed(2),
          percent(originMs).toFixed(2),
          percent(nginxMs).toFixed(1),
          percent(result.cpuMs).toFixed(0),
          Math.round(viewers / ((originMs + nginxMs) / wallMs)),
          `${((100 * fullRate) / viewers).toFixed(1)} %`,
          `${Math.round(percentile(firsts, 50))}/${Math.round(percentile(firsts, 95))}`,
          errors.length === 0 ? '0' : `${errors.length} (${errors[0].error})`,
        ]);
      } finally {
        await nginx.stop();
      }
    }
  } finally {
    origin.child.kill('SIGTERM');
    await origin.exited;
    baked.cleanUp();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFanout();
