// Driving the player's render choice from outside, for the handover tests and bench: a
// browser context that may claim a capable GPU (headless Chromium's llvmpipe is honestly
// rated low), and readings of window.__yunshanRenderChoice.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DeviceProbe } from '@/components/player/render-choice/render-choice-types';
import type { HandoverRecord } from '@/components/player/handover/handover-record';

/** Bounds hangs on a loaded machine, not speed. */
export const HANDOVER_TIMEOUT_MS = 45_000;

/** A mid-range GPU that draws the phone tier at 40 fps: Auto picks the device, phone tier. */
export const CAPABLE_DEVICE: Partial<DeviceProbe> = {
  gpu: { tier: 2, type: 'BENCHMARK', isMobile: false, gpu: 'intel iris xe graphics', fps: 60 },
  warmupFrameMs: 25,
  warmupFrames: 12,
};

/** A device that draws the phone tier at 25 fps: Auto streams from the cloud, and the device can take over. */
export const CLOUD_FIRST_DEVICE: Partial<DeviceProbe> = { ...CAPABLE_DEVICE, warmupFrameMs: 40 };

export interface ChoiceReading {
  preference: string | null;
  decisionPath: string | null;
  reasons: string[];
  localTier: string | null;
  active: string | null;
  incoming: string | null;
  handovers: HandoverRecord[];
}

export function readChoice(page: Page): Promise<ChoiceReading> {
  return page.evaluate(() => {
    const choice = window.__yunshanRenderChoice;
    return {
      preference: choice?.preference ?? null,
      decisionPath: choice?.decision?.path ?? null,
      reasons: choice?.decision?.reasons ?? [],
      localTier: choice?.decision?.localTier ?? null,
      active: choice?.active ?? null,
      incoming: choice?.incoming ?? null,
      handovers: [...(choice?.handovers ?? [])],
    };
  });
}

/** A context whose pages see `probeOverride` as window.__yunshanProbeOverride (null: the device as measured). */
export async function newProbeContext(
  browser: Browser,
  probeOverride: Partial<DeviceProbe> | null,
  viewport = { width: 960, height: 540 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  if (probeOverride !== null) {
    await context.addInitScript((override) => {
      window.__yunshanProbeOverride = override;
    }, probeOverride);
  }
  return context;
}

/** Waits until the stage shows `active` (e.g. "local:phone", "cloud") with no handover under way. */
export async function waitForActive(page: Page, active: string, what: string): Promise<void> {
  try {
    await page.waitForFunction(
      (wanted) => window.__yunshanRenderChoice?.active === wanted && window.__yunshanRenderChoice.incoming === null,
      active,
      {
        timeout: HANDOVER_TIMEOUT_MS,
        polling: 50,
      },
    );
  } catch (error) {
    throw new Error(`${what}: the stage never settled on ${active}; it reads ${JSON.stringify(await readChoice(page))}`, { cause: error });
  }
}

/**
 * Under Auto the stage holds the route's poster, with no WebGL and no stream, until the visitor
 * presses play (issue 15). Waits for that poster, presses the big play button as a visitor does,
 * and pauses straight away, so the test drives the flight clock from where the page opened it
 * while the chosen renderer takes over from the poster.
 */
export async function pressPlay(page: Page): Promise<void> {
  await waitForActive(page, 'posters:held', 'the poster before play');
  await page.getByTestId('play-start').click({ timeout: HANDOVER_TIMEOUT_MS });
  await page.evaluate(() => window.__yunshanPlayer!.pause());
}

/** The picture is up: a layer of the stage says it has drawn. */
export async function waitForPicture(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-layer-id] [data-ready="true"]') !== null, undefined, {
    timeout: HANDOVER_TIMEOUT_MS,
  });
}

/** Plays the flight until the clock passes `timeS`. */
export async function flyUntil(page: Page, timeS: number): Promise<void> {
  await page.evaluate(() => window.__yunshanPlayer!.play());
  await page.waitForFunction((until) => window.__yunshanPlayer!.timeS() > until, timeS, { timeout: HANDOVER_TIMEOUT_MS });
}

export function lastHandover(reading: ChoiceReading): HandoverRecord {
  const record = reading.handovers.at(-1);
  assert.ok(record, `no handover recorded: ${JSON.stringify(reading)}`);
  return record;
}

/** How long after the request the incoming renderer drew the flight. */
export function readyAfterMs(record: HandoverRecord): number | null {
  return record.readyAtMs === null ? null : record.readyAtMs - record.requestedAtMs;
}

export function describeHandover(record: HandoverRecord): string {
  const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);
  return `${record.from} → ${record.to} (${record.reason}): ready ${ms(readyAfterMs(record))} after the request, visible gap ${ms(record.visibleGapMs)}, pose offset ${record.offsetMs?.toFixed(1)} ms`;
}
