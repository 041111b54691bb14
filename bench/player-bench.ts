// `npm run bench:player`: the player in Debian Chromium against the real render server (the
// test route baked once, shared with the e2e tests): time to the first streamed frame, and
// for each kind of handover how long it takes and how long the screen goes without a new
// picture, as the player itself measures them; and how smoothly a cloud flight plays with and
// without a bake running on the same machine; look-around latency on the cloud path (input to
// the turned sphere view, cloud-look-latency.ts); and what each sphere profile costs to decode
// and carry (sphere-decode-bench.ts). Medians; a fresh browser context per run.
// YUNSHAN_BENCH_PLAYER_ONLY=look measures the look-around latency alone.
import os from 'node:os';
import { launchChromium } from '../tests/helpers/browser';
import { startCloudStreamFixture, type CloudStreamFixture } from '../tests/helpers/cloud-stream-fixture';
import type { DeviceProbe } from '../components/player/render-choice/render-choice-types';
import {
  CAPABLE_DEVICE,
  CLOUD_FIRST_DEVICE,
  flyUntil,
  lastHandover,
  newProbeContext,
  readChoice,
  readyAfterMs,
  pressPlay,
  waitForActive,
  waitForPicture,
} from '../tests/helpers/handover-page';
import type { HandoverRecord } from '../components/player/handover/handover-record';
import type { Browser, Page } from 'playwright-core';
import { measureCloudFirstFrameMs } from '../tests/helpers/cloud-first-frame';
import { median, printTable } from './stats';
import { measureCloudPlayback } from './cloud-playback-bench';
import { benchSphereDecode } from './sphere-decode-bench';
import { measureCloudLookLatency } from './cloud-look-latency';

const RUNS = Number(process.env.YUNSHAN_BENCH_HANDOVER_RUNS ?? 3);
const FIRST_FRAME_RUNS = Number(process.env.YUNSHAN_BENCH_FIRST_FRAME_RUNS ?? 10);
const PLAYBACK_RUNS = Number(process.env.YUNSHAN_BENCH_PLAYBACK_RUNS ?? 3);
/** `look`: only the look-around latency (after a change to the cloud's sphere view, without the rest's half hour). */
const ONLY = process.env.YUNSHAN_BENCH_PLAYER_ONLY ?? null;
if (ONLY !== null && ONLY !== 'look') throw new Error(`YUNSHAN_BENCH_PLAYER_ONLY=${ONLY}: only 'look' is known`);

interface HandoverKind {
  name: string;
  query: Record<string, string>;
  startsOn: string;
  endsOn: string;
  /** The device the probe reports (default: capable, so Auto draws locally). */
  probe?: Partial<DeviceProbe>;
  /** Makes the handover happen, once the flight has flown a little. */
  trigger(page: Page, fixture: CloudStreamFixture): Promise<void>;
  /** Puts things back for the next run. */
  restore?(fixture: CloudStreamFixture): Promise<void>;
}

const KINDS: HandoverKind[] = [
  {
    name: 'device → cloud (the visitor’s switch, flying)',
    query: {},
    startsOn: 'local:phone',
    endsOn: 'cloud',
    trigger: (page) => page.getByTestId('render-path-cloud').click(),
  },
  {
    name: 'cloud → device (the visitor’s switch, flying)',
    query: { render: 'cloud' },
    startsOn: 'cloud',
    endsOn: 'local:phone',
    trigger: (page) => page.getByTestId('render-path-local').click(),
  },
  {
    name: 'lost WebGL context → cloud',
    query: {},
    startsOn: 'local:phone',
    endsOn: 'cloud',
    trigger: (page) =>
      page.evaluate(() => {
        document
          .querySelector<HTMLCanvasElement>('[data-layer-kind="local"] canvas')!
          .getContext('webgl2')!
          .getExtension('WEBGL_lose_context')!
          .loseContext();
      }),
  },
  {
    name: 'render server killed → device (Auto)',
    query: {},
    probe: CLOUD_FIRST_DEVICE,
    startsOn: 'cloud',
    endsOn: 'local:phone',
    trigger: (_page, fixture) => fixture.render.close(),
    restore: (fixture) => fixture.restartRenderServer(),
  },
];

async function measureOnce(browser: Browser, fixture: CloudStreamFixture, kind: HandoverKind): Promise<HandoverRecord> {
  const context = await newProbeContext(browser, kind.probe ?? CAPABLE_DEVICE);
  try {
    const page = await context.newPage();
    await page.goto(fixture.tourUrl({ lang: 'en', ...kind.query }));
    // Under Auto the poster holds the stage until play.
    if (kind.query.render === undefined) await pressPlay(page);
    await waitForActive(page, kind.startsOn, kind.name);
    await waitForPicture(page);
    await flyUntil(page, 1.5);
    await kind.trigger(page, fixture);
    await waitForActive(page, kind.endsOn, kind.name);
    return lastHandover(await readChoice(page));
  } finally {
    await context.close();
    await kind.restore?.(fixture);
  }
}

export async function benchPlayer(): Promise<void> {
  // With the 2k sphere for the look-around latency: baked once per scene version, shared with the e2e tests.
  const fixture = await startCloudStreamFixture({ extraProfiles: ['sphere-2k'], log: (line) => console.log(`# ${line}`) });
  const browser = await launchChromium();
  try {
    if (ONLY === null) await benchStreamAndHandovers(browser, fixture);
    const loadBefore = os.loadavg()[0];
    const look = await measureCloudLookLatency(browser, fixture);
    printTable(
      `Look-around latency on the cloud path in Chromium (llvmpipe), 960×540, sphere-2k over WebRTC: pointer event → turned view (goal ≤ 33 ms; nothing goes to the server); load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
      ['flight', 'inputs', 'measured', 'to draw median ms', 'p95', 'to next frame median ms', 'p95', 'frame gap median ms', 'p95'],
      look.map((row) => [
        row.label,
        row.inputs,
        row.measured,
        row.drawMedianMs,
        row.drawP95Ms,
        row.shownMedianMs,
        row.shownP95Ms,
        row.frameGapMedianMs,
        row.frameGapP95Ms,
      ]),
    );
  } finally {
    await browser.close();
    await fixture.stop();
  }
  if (ONLY === null) await benchSphereDecode();
}

async function benchStreamAndHandovers(browser: Browser, fixture: CloudStreamFixture): Promise<void> {
  const first = await measureCloudFirstFrameMs({
    browser,
    tourUrl: fixture.tourUrl({ render: 'cloud', lang: 'en' }),
    runs: FIRST_FRAME_RUNS,
  });
  printTable(
    `Cloud flight in Chromium, time to first frame, 360p over WebRTC, median of ${FIRST_FRAME_RUNS} fresh page loads (goal ≤ 500 ms from play)`,
    ['from', 'median ms'],
    [
      ['stream client start → first decoded frame', Math.round(first.medianClientStartToDecodedMs)],
      ['server ready (joined) → first decoded frame', Math.round(first.medianReadyToDecodedMs)],
      ['navigation → first frame on the canvas (page load included)', Math.round(first.medianNavigationToShownMs)],
    ],
  );

  const playback = await measureCloudPlayback(browser, fixture, PLAYBACK_RUNS);
  printTable(
    `Cloud flight in Chromium, 360p over WebRTC, 10 s of flight × ${PLAYBACK_RUNS} fresh pages each (goals: under 2 % dropped with a bake running; none of the first 33 frames dropped)`,
    ['machine', 'dropped share', 'dropped of first 33 (median)', '(worst)', 'runs', 'bake frames meanwhile'],
    playback.map((row) => [
      row.label,
      `${(row.dropShare * 100).toFixed(1)} %`,
      row.medianDroppedInFirstSecond,
      row.worstDroppedInFirstSecond,
      row.runs,
      row.bakedFrames ?? '—',
    ]),
  );

  const rows: Array<Array<string | number>> = [];
  // YUNSHAN_BENCH_HANDOVER_RUNS=0 measures the stream alone.
  for (const kind of RUNS > 0 ? KINDS : []) {
    const records: HandoverRecord[] = [];
    for (let run = 0; run < RUNS; run++) records.push(await measureOnce(browser, fixture, kind));
    const ready = records.map(readyAfterMs).filter((value): value is number => value !== null);
    const gaps = records.map((record) => record.visibleGapMs ?? NaN);
    const offsets = records.map((record) => Math.abs(record.offsetMs ?? NaN));
    rows.push([
      kind.name,
      records[0].reason,
      Math.round(median(ready)),
      Math.round(median(gaps)),
      Math.round(Math.max(...gaps)),
      median(offsets).toFixed(1),
      records.length,
    ]);
  }
  if (rows.length > 0)
    printTable(
      `Handovers in Chromium (llvmpipe), 960×540, phone tier ↔ 360p stream; medians of ${RUNS} runs`,
      ['handover', 'reason', 'ready after request (ms)', 'visible gap (ms)', 'worst gap (ms)', '|pose offset| (ms)', 'runs'],
      rows,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchPlayer();
  // wrtc and socket.io leave handles; the figures are printed.
  process.exit(0);
}
