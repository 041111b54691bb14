// `npm run bench:stream`: streaming cost on this machine. Time to first frame for a Node
// viewer (median of 10; Chromium's, page and player included, is in `npm run bench:player`), and
// how many viewers one server core keeps at full frame rate: viewers are Node peers in
// separate processes, the server's own CPU time is measured over a fixed window. Once with
// viewers that decode VP8 only, once with viewers that report VP9 (they get the VP9 twins).
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { currentSceneVersion } from '../server/bake/scene-version';
import { LocalFrameStore } from '../server/frame-store/local-frame-store';
import { BAKE_FPS, QUALITY_PROFILES, type ProfileId } from '@/scenes/protocol/profile-ladder';
import { NodeStreamViewer } from '../server/stream/node-stream-viewer';
import {
  ensureStreamFixtureBaked,
  startStreamTestServer,
  STREAM_TEST_REVISION,
  streamFixtureFramesDir,
  streamTestRoute,
} from '../tests/render/stream-test-fixture';
import { median, percentile, printTable } from './stats';
import { readThreadCpu, threadCpuBetween } from './thread-cpu';

const FPS = BAKE_FPS;
const PEERS_PER_PROCESS = Number(process.env.YUNSHAN_BENCH_PEERS_PER_PROCESS ?? 10);
const WINDOW_MS = Number(process.env.YUNSHAN_BENCH_STREAM_WINDOW_MS ?? 10_000);
const VIEWER_STEPS = (process.env.YUNSHAN_BENCH_STREAM_VIEWERS ?? '10,25,50,100').split(',').map(Number);
const FIRST_FRAME_RUNS = 10;
/** A viewer sustains full rate when it played this share of the window's frames without a stall. */
const FULL_RATE_SHARE = 0.97;

/** What a Chromium probe (the browser player's bench) provides: ms from play to the first decoded frame. */
export interface FirstFrameProbe {
  name: string;
  measure(serverUrl: string, routeId: string, profile: ProfileId): Promise<number>;
}

export async function medianFirstFrameMs(
  probe: FirstFrameProbe,
  serverUrl: string,
  routeId: string,
  profile: ProfileId,
  runs = FIRST_FRAME_RUNS,
): Promise<{ median: number; p90: number; samples: number[] }> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(await probe.measure(serverUrl, routeId, profile));
  return { median: median(samples), p90: percentile(samples, 90), samples };
}

/** Connect, join over WebRTC, first complete frame: the Node side of "play to first frame". */
export const nodeFirstFrameProbe: FirstFrameProbe = {
  name: 'Node viewer (socket.io + wrtc data channel)',
  async measure(serverUrl, routeId, profile) {
    const viewer = new NodeStreamViewer({
      url: serverUrl,
      routeId,
      revision: STREAM_TEST_REVISION,
      profile,
      transport: 'webrtc',
      fallbackAfterMs: null,
      recordFrames: false,
    });
    try {
      await viewer.waitFor(() => viewer.firstFrameMs !== null, 10_000, 'the first frame');
      return viewer.timeToFirstFrameMs!;
    } finally {
      viewer.close();
    }
  },
};

interface ViewerReport {
  played: number;
  stalls: number;
  bytes: number;
  firstFrameMs: number | null;
}

type ParentMessage = { type: 'measure'; windowMs: number } | { type: 'stop' };
type ChildMessage = { type: 'ready'; viewers: number } | { type: 'report'; viewers: ViewerReport[] } | { type: 'failed'; error: string };

type BenchCodec = 'vp8' | 'vp9';
const BENCH_CODECS: readonly BenchCodec[] = ['vp8', 'vp9'];

/** One viewer process: `count` looping viewers, measured over the window the parent names. */
async function runViewerProcess(url: string, routeId: string, profile: ProfileId, count: number, codec: BenchCodec): Promise<void> {
  const send = (message: ChildMessage) => process.send?.(message);
  const viewers = Array.from(
    { length: count },
    () =>
      new NodeStreamViewer({
        url,
        routeId,
        revision: STREAM_TEST_REVISION,
        profile,
        transport: 'webrtc',
        fallbackAfterMs: null,
        loop: true,
        recordFrames: false,
        // What a browser reports: a VP9 viewer is sent the rung's VP9 twin where it is baked.
        capabilities: { webcodecsVp8: true, webcodecsVp9: codec === 'vp9', saveData: false, connectionType: 'ethernet' },
      }),
  );
  try {
    await Promise.all(viewers.map((viewer) => viewer.waitFor(() => viewer.lastReceivedFrame >= FPS, 60_000, 'a second of frames')));
    for (const viewer of viewers) viewer.play();
    send({ type: 'ready', viewers: count });
    const message = await new Promise<ParentMessage>((resolve) =>
      process.once('message', (received) => resolve(received as ParentMessage)),
    );
    if (message.type === 'measure') {
      const start = viewers.map((viewer) => ({ played: viewer.framesPlayed, stalls: viewer.stalls, bytes: viewer.bytesReceived }));
      await new Promise((resolve) => setTimeout(resolve, message.windowMs));
      send({
        type: 'report',
        viewers: viewers.map((viewer, i) => ({
          played: viewer.framesPlayed - start[i].played,
          stalls: viewer.stalls - start[i].stalls,
          bytes: viewer.bytesReceived - start[i].bytes,
          firstFrameMs: viewer.timeToFirstFrameMs,
        })),
      });
    }
  } catch (error) {
    send({ type: 'failed', error: (error as Error).message });
  } finally {
    for (const viewer of viewers) viewer.close();
    // wrtc may hang or crash on a natural exit: close everything, then leave.
    setTimeout(() => process.exit(0), 200);
  }
}

interface StepResult {
  codec: BenchCodec;
  viewers: number;
  sustained: number;
  serverCores: number;
  mbps: number;
  stalls: number;
  /** The server's CPU by thread group over the window, seconds (Linux only; empty elsewhere). */
  threads: [group: string, cpuS: number][];
}

async function measureStep(url: string, routeId: string, profile: ProfileId, viewers: number, codec: BenchCodec): Promise<StepResult> {
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  const reports: Promise<ViewerReport[]>[] = [];
  for (let remaining = viewers; remaining > 0; remaining -= PEERS_PER_PROCESS) {
    const count = Math.min(PEERS_PER_PROCESS, remaining);
    const child = fork(fileURLToPath(import.meta.url), ['--viewers', url, routeId, profile, String(count), codec], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    let resolveReady: () => void;
    let rejectAll: (error: Error) => void = () => {};
    ready.push(new Promise<void>((resolve, reject) => ((resolveReady = resolve), (rejectAll = reject))));
    reports.push(
      new Promise<ViewerReport[]>((resolve, reject) => {
        child.on('message', (message: ChildMessage) => {
          if (message.type === 'ready') resolveReady();
          if (message.type === 'report') resolve(message.viewers);
          if (message.type === 'failed') {
            const error = new Error(`viewer process failed: ${message.error}`);
            rejectAll(error);
            reject(error);
          }
        });
        child.on('exit', (code) => reject(new Error(`viewer process exited with ${code}`)));
      }),
    );
  }
  try {
    await Promise.all(ready);
    // Let the start-up burst (each viewer's first two seconds) drain before measuring.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const cpuStart = process.cpuUsage();
    const threadsStart = readThreadCpu();
    const wallStart = performance.now();
    for (const child of children) child.send({ type: 'measure', windowMs: WINDOW_MS } satisfies ParentMessage);
    const perViewer = (await Promise.all(reports)).flat();
    const cpu = process.cpuUsage(cpuStart);
    const threads = threadCpuBetween(threadsStart, readThreadCpu());
    const wallS = (performance.now() - wallStart) / 1000;
    const windowS = WINDOW_MS / 1000;
    const sustained = perViewer.filter((report) => report.stalls === 0 && report.played >= FULL_RATE_SHARE * FPS * windowS).length;
    return {
      codec,
      viewers,
      sustained,
      serverCores: (cpu.user + cpu.system) / 1e6 / wallS,
      mbps: (perViewer.reduce((sum, report) => sum + report.bytes, 0) * 8) / 1e6 / windowS,
      stalls: perViewer.reduce((sum, report) => sum + report.stalls, 0),
      threads,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/**
 * Where the server's CPU went, per step: its JavaScript (main thread) apart from the native
 * threads (wrtc's network and signalling threads, libuv's pool), as shares of the step's total.
 * The main thread's share is what a change to the server's code can win back.
 */
function printThreadSplit(steps: readonly StepResult[]): void {
  const groups = [...new Set(steps.flatMap((step) => step.threads.filter(([, cpuS]) => cpuS >= 0.05).map(([group]) => group)))];
  if (groups.length === 0) return;
  printTable(
    'Server CPU by thread over the window (share of the server cores used; /proc/self/task, 10 ms ticks)',
    ['codec', 'viewers', ...groups],
    steps.map((step) => {
      const total = step.threads.reduce((sum, [, cpuS]) => sum + cpuS, 0) || 1;
      return [
        step.codec,
        step.viewers,
        ...groups.map((group) => `${Math.round((100 * (step.threads.find(([name]) => name === group)?.[1] ?? 0)) / total)} %`),
      ];
    }),
  );
}

export async function benchStream(): Promise<void> {
  const store = new LocalFrameStore(streamFixtureFramesDir());
  const has720p =
    (await store.readManifest({ sceneVersion: currentSceneVersion(), routeId: streamTestRoute.id, revision: 1, profileId: '720p' })) !==
    null;
  const wants720p = process.argv.includes('--bake-720p');
  // The VP9 viewers are sent the rungs' VP9 twins: bake them beside the VP8 ones.
  const framesDir = await ensureStreamFixtureBaked(wants720p ? ['360p', '360p-jpeg', '720p'] : ['360p', '360p-jpeg'], {
    vp9: true,
    log: (line) => console.log(`  ${line}`),
  });
  const chosenProfile: ProfileId = has720p || wants720p ? '720p' : '360p';
  const profileNote =
    chosenProfile === '720p'
      ? `720p (VP8 ${QUALITY_PROFILES['720p'].bitrateKbps} kbps, VP9 ${QUALITY_PROFILES['720p-vp9'].bitrateKbps} kbps targets)`
      : '360p — 720p is not baked (run `npm run bench:stream -- --bake-720p` to bake it, about 2 minutes); 720p sends about 3× the bytes per frame';
  const test = await startStreamTestServer(framesDir, { YUNSHAN_STREAM_MAX_SESSIONS: '100000', YUNSHAN_STREAM_RESUME_GRACE_MS: '0' });
  const url = test.server.url;
  try {
    const rows: (string | number)[][] = [];
    const result = await medianFirstFrameMs(nodeFirstFrameProbe, url, streamTestRoute.id, chosenProfile);
    rows.push([nodeFirstFrameProbe.name, result.median, result.p90]);
    printTable(
      `Stream time to first frame on loopback, ${chosenProfile}, median of ${FIRST_FRAME_RUNS} (goal ≤ 500 ms)`,
      ['viewer', 'median ms', 'p90 ms'],
      rows,
    );

    const steps: StepResult[] = [];
    for (const codec of BENCH_CODECS) {
      for (const viewers of VIEWER_STEPS) {
        const step = await measureStep(url, streamTestRoute.id, chosenProfile, viewers, codec);
        steps.push(step);
        if (step.sustained < step.viewers) break;
      }
    }
    printTable(
      `Concurrent viewers, ${profileNote}, VP8 and VP9 side by side; ${PEERS_PER_PROCESS} Node peers per process, ${WINDOW_MS / 1000} s window, server CPU from process.cpuUsage (goal ≥ 300 per server core)`,
      ['codec', 'viewers', 'at full rate', 'stalls', 'server cores used', 'viewers per server core', 'Mbit/s sent', 'kbit/s per viewer'],
      steps.map((step) => [
        step.codec,
        step.viewers,
        step.sustained,
        step.stalls,
        step.serverCores,
        step.sustained / Math.max(step.serverCores, 1e-6),
        step.mbps,
        (step.mbps * 1000) / step.viewers,
      ]),
    );
    printThreadSplit(steps);
    const best = steps.filter((step) => step.codec === 'vp8' && step.sustained === step.viewers).at(-1);
    console.log(
      `\n  Limits here: ${os.cpus().length} cores shared by the server and every viewer process (each wrtc peer costs the viewer side about as much as the server), load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(
          ' ',
        )}. ${best ? `Largest VP8 step fully sustained: ${best.viewers} viewers on ${best.serverCores.toFixed(2)} server cores.` : 'No step was fully sustained.'}`,
    );
  } finally {
    await test.close();
  }
}

if (process.argv[2] === '--viewers') {
  const [url, routeId, profile, count, codec] = process.argv.slice(3);
  await runViewerProcess(url, routeId, profile as ProfileId, Number(count), codec === 'vp9' ? 'vp9' : 'vp8');
} else if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    `Yunshan stream bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, Node ${process.version}`,
  );
  await benchStream();
  // wrtc peers were all closed; leave rather than wait on its native threads.
  process.exit(0);
}
