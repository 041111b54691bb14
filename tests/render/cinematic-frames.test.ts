// The cinematic tier through a real renderer pool: a pose drawn twice gives the same pixels
// (jittered sub-frames, dither and cloud drift all follow the frame, never the clock or a
// random source), and it matches this backend's golden image within a tolerance. Small
// (640×360) so the test takes seconds, not the minutes of a 1080p cinematic bake.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { createRendererPool, type ChromiumRendererPool } from '@/server/render/renderer-pool';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { compareImages } from '../helpers/image-difference';

const route = CURATED_ROUTES.find((candidate) => candidate.id === 'first-bridge-pass');
if (!route) throw new Error('the curated First Bridge route is missing');
/** Halfway along: the bridge ahead, mist between the ranks below it. */
const TIME_S = Math.round(route.durationS * 5) / 10;
const WIDTH = 640;
const HEIGHT = 360;
/** A channel may differ by this much (driver rounding) before the pixel counts as different… */
const CHANNEL_TOLERANCE = 6;
/** …and at most this fraction of pixels may differ. */
const MAX_DIFFERING_FRACTION = 0.002;

let pool: ChromiumRendererPool;
before(async () => {
  pool = await createRendererPool({ size: 1, tier: 'cinematic' });
});
after(async () => {
  await pool?.close();
});

describe('a cinematic frame', () => {
  test('the same pose drawn twice, with another pose between, gives byte-identical pixels', async () => {
    const first = await pool.renderStill(route, TIME_S, WIDTH, HEIGHT, 'png');
    await pool.renderStill(route, TIME_S + 7, WIDTH, HEIGHT, 'png');
    const second = await pool.renderStill(route, TIME_S, WIDTH, HEIGHT, 'png');
    const a = PNG.sync.read(Buffer.from(first));
    const b = PNG.sync.read(Buffer.from(second));
    assert.ok(a.data.equals(b.data), 'the two renders of one pose differ');
  });

  test('matches the golden image for this render backend', async () => {
    const png = PNG.sync.read(Buffer.from(await pool.renderStill(route, TIME_S, WIDTH, HEIGHT, 'png')));
    const goldenFile = path.join(import.meta.dirname, 'golden', pool.backend, `${route.id}-cinematic-t${TIME_S}s-${WIDTH}x${HEIGHT}.png`);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(path.dirname(goldenFile), { recursive: true });
      writeFileSync(goldenFile, PNG.sync.write(png));
      return;
    }
    assert.ok(
      existsSync(goldenFile),
      `No cinematic golden image for render backend '${pool.backend}' (${pool.glRenderer}) at ${goldenFile}. ` +
        'Check a rendered frame by eye, then create it with: UPDATE_GOLDEN=1 node --import tsx --test tests/render/cinematic-frames.test.ts',
    );
    const difference = compareImages(png, PNG.sync.read(readFileSync(goldenFile)), CHANNEL_TOLERANCE);
    assert.ok(
      difference.differingFraction <= MAX_DIFFERING_FRACTION,
      `${(difference.differingFraction * 100).toFixed(3)}% of pixels differ by more than ${CHANNEL_TOLERANCE} (max ${difference.maxChannelDelta}) from ${goldenFile}. ` +
        'If the cinematic look changed on purpose, regenerate the golden with UPDATE_GOLDEN=1.',
    );
  });
});
