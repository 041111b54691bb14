// `npm run bench:farm`: the render farm on this machine. One route (the shortest the schema
// allows, 601 frames) baked at 360p through a real redis-server by 1, 2 and 3 render-node
// processes (`npm run render-node`, one renderer each): frames per second from enqueue to
// the last segment stored, and the speed-up against one process (medians over
// YUNSHAN_BENCH_FARM_RUNS runs, default 1). Each process starts its Chromium before the clock
// starts. On a 2-core machine expect the ceiling near 2×: the renderers are CPU-bound. Then
// the queue's own cost per segment with no drawing at all: enqueue (a whole bake's flow,
// shared out per segment), claim and complete, by hand through BullMQ (goal ≤ 5 ms).
// Rows are printed as they are measured. YUNSHAN_BENCH_FARM_PROCESSES= (empty) measures the
// queue overhead alone, which needs no Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BakeKey } from '../server/bake/bake-contracts';
import { frameCountFor, segmentCountFor } from '@/scenes/protocol/frame-timing';
import { BullmqSegmentQueue, createFarmWorker } from '../server/farm/bullmq-segment-queue';
import { SEGMENT_QUEUE, MANIFEST_QUEUE, type SegmentJobData, type SegmentResult } from '../server/farm/segment-job';
import { startRedisServer, type RunningRedis } from '../tests/helpers/redis-server';
import { buildShortestTestRoute } from '../tests/helpers/test-routes';
import { median, startTable } from './stats';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
/** Comma-separated process counts to measure (default 1,2,3); empty measures the queue overhead alone. */
const PROCESS_COUNTS = (process.env.YUNSHAN_BENCH_FARM_PROCESSES ?? '1,2,3')
  .split(',')
  .filter((item) => item.trim() !== '')
  .map(Number);
if (!PROCESS_COUNTS.every((count) => Number.isInteger(count) && count >= 1 && count <= 8)) {
  throw new Error(
    `YUNSHAN_BENCH_FARM_PROCESSES: whole numbers of processes from 1 to 8, comma-separated, not ${process.env.YUNSHAN_BENCH_FARM_PROCESSES}`,
  );
}
const RUNS = Number(process.env.YUNSHAN_BENCH_FARM_RUNS ?? 1);
const OVERHEAD_BAKES = Number(process.env.YUNSHAN_BENCH_FARM_OVERHEAD_BAKES ?? 20);
const NODE_READY_TIMEOUT_MS = 5 * 60_000;
const BAKE_TIMEOUT_MS = 30 * 60_000;

interface NodeProcess {
  child: ChildProcess;
  output: { text: string };
  exited: Promise<void>;
}

function startNode(redis: RunningRedis, prefix: string, framesDir: string, nodeId: string): NodeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/render-node.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      YUNSHAN_REDIS_URL: redis.url,
      YUNSHAN_FARM_PREFIX: prefix,
      YUNSHAN_FRAME_STORE: 'local',
      YUNSHAN_FRAMES_DIR: framesDir,
      YUNSHAN_RENDERERS: '1',
      YUNSHAN_NODE_PORT: '0',
      YUNSHAN_NODE_ID: nodeId,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  child.stdout!.on('data', (data: Buffer) => (output.text += data.toString()));
  child.stderr!.on('data', (data: Buffer) => (output.text += data.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output, exited };
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Frames per second of one bake by `processes` render nodes, from enqueue to the last segment stored. */
async function bakeWith(redis: RunningRedis, processes: number, run: number): Promise<number> {
  const prefix = `bench${processes}x${run}`;
  const framesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-farm-bench-'));
  const nodes = Array.from({ length: processes }, (_, index) => startNode(redis, prefix, framesDir, `bench-node-${index + 1}`));
  const queue = new BullmqSegmentQueue({ redisUrl: redis.url, prefix, segmentAttempts: 3 });
  try {
    const scenes = new Set<string>();
    for (const node of nodes) {
      await waitUntil(
        () => /render node \S+ on http/.test(node.output.text) || node.child.exitCode !== null,
        NODE_READY_TIMEOUT_MS,
        'a render node to start',
      );
      if (node.child.exitCode !== null) throw new Error(`a render node exited:\n${node.output.text}`);
      scenes.add(/render node \S+ on \S+ .*scene (\S+),/.exec(node.output.text)?.[1] ?? '');
    }
    // The bake is keyed by the scene the nodes draw (they refuse any other); it changes only when the scene code does.
    if (scenes.size !== 1 || scenes.has(''))
      throw new Error(`the render nodes draw different scenes (${[...scenes].join(', ')}): was the scene code edited while they started?`);
    const route = buildShortestTestRoute('farm-bench');
    const key: BakeKey = { sceneVersion: [...scenes][0], routeId: route.id, revision: 1, profileId: '360p' };
    const started = performance.now();
    await queue.enqueueBake(key, route);
    await waitUntil(
      async () => {
        const progress = await queue.progressOf(key, route.durationS);
        if (progress?.state === 'failed') throw new Error(`the bake failed: ${progress.error}`);
        return progress?.segmentsDone === segmentCountFor(route.durationS);
      },
      BAKE_TIMEOUT_MS,
      'the bake',
    );
    return (frameCountFor(route.durationS) * 1000) / (performance.now() - started);
  } finally {
    for (const node of nodes) node.child.kill('SIGTERM');
    await Promise.all(nodes.map((node) => node.exited));
    await queue.close();
    fs.rmSync(framesDir, { recursive: true, force: true });
  }
}

/** The queue's own cost per segment: enqueue (the bake's flow, shared per segment) + claim + complete, no drawing. */
async function queueOverhead(
  redis: RunningRedis,
): Promise<{ enqueueMs: number[]; claimMs: number[]; completeMs: number[]; totalMs: number[] }> {
  const prefix = 'benchoverhead';
  const settings = { redisUrl: redis.url, prefix, segmentAttempts: 3, stalledMs: 30_000, maxStalls: 1 };
  const queue = new BullmqSegmentQueue(settings);
  const worker = createFarmWorker<SegmentJobData, SegmentResult>(SEGMENT_QUEUE, null, settings, { concurrency: 1, autorun: false });
  const manifests = createFarmWorker(MANIFEST_QUEUE, null, settings, { concurrency: 1, autorun: false });
  const samples = { enqueueMs: [] as number[], claimMs: [] as number[], completeMs: [] as number[], totalMs: [] as number[] };
  try {
    for (let bake = 0; bake < OVERHEAD_BAKES; bake++) {
      const route = buildShortestTestRoute(`overhead-${bake}`);
      const segments = segmentCountFor(route.durationS);
      const key: BakeKey = { sceneVersion: 'bench', routeId: route.id, revision: 1, profileId: '360p' };
      const enqueueStart = performance.now();
      await queue.enqueueBake(key, route);
      const enqueuePerSegment = (performance.now() - enqueueStart) / segments;
      for (let taken = 0; taken < segments; taken++) {
        const claimStart = performance.now();
        const job = await worker.getNextJob('bench', { block: false });
        const claimed = performance.now();
        if (job === undefined) throw new Error('a queued segment was not there to claim');
        const { segmentIndex } = job.data;
        await job.moveToCompleted(
          { segmentIndex, frames: 30, outcome: 'rendered', renderMs: 0, startedAtMs: 0, finishedAtMs: 0, nodeId: 'bench' },
          'bench',
          false,
        );
        const completed = performance.now();
        samples.enqueueMs.push(enqueuePerSegment);
        samples.claimMs.push(claimed - claimStart);
        samples.completeMs.push(completed - claimed);
        samples.totalMs.push(enqueuePerSegment + (completed - claimStart));
      }
      const manifest = await manifests.getNextJob('bench', { block: false });
      await manifest?.moveToCompleted({ frameCount: 0 }, 'bench', false);
    }
    return samples;
  } finally {
    await worker.close(true);
    await manifests.close(true);
    await queue.close();
  }
}

export async function benchFarm(): Promise<void> {
  const redis = await startRedisServer();
  try {
    const table =
      PROCESS_COUNTS.length === 0
        ? null
        : startTable(
            `Render farm: one 20 s route (601 frames) at 360p through Redis, render-node processes with one renderer each (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}; median of ${RUNS} run(s))`,
            ['processes', 'frames/s', 'speed-up vs 1'],
            14,
          );
    let single: number | null = null;
    for (const processes of PROCESS_COUNTS) {
      const rates: number[] = [];
      for (let run = 0; run < RUNS; run++) rates.push(await bakeWith(redis, processes, run));
      const rate = median(rates);
      single ??= rate;
      table?.row([String(processes), rate, `${(rate / single).toFixed(2)}×`]);
    }

    const overhead = startTable(
      `Queue overhead per segment, no drawing (${OVERHEAD_BAKES} bakes of 21 segments; goal ≤ 5 ms)`,
      ['median ms', 'enqueue', 'claim', 'complete', 'p95 total'],
      10,
    );
    const samples = await queueOverhead(redis);
    const sorted = [...samples.totalMs].sort((a, b) => a - b);
    overhead.row([
      median(samples.totalMs),
      median(samples.enqueueMs),
      median(samples.claimMs),
      median(samples.completeMs),
      sorted[Math.floor(0.95 * (sorted.length - 1))],
    ]);
  } finally {
    await redis.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFarm();
