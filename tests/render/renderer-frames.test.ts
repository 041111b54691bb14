// The renderer pool draws the real scene at exact poses: a frame matches its golden image for
// this GL backend, a segment rendered twice (after different histories) gives the same bytes,
// and VP8 segments start with a key chunk and carry index / 30 s timestamps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { createRendererPool, type ChromiumRendererPool } from '@/server/render/renderer-pool';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { BAKE_FPS, QUALITY_PROFILES, type QualityProfile } from '@/scenes/protocol/profile-ladder';
import type { SegmentRequest } from '@/server/bake/bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { buildTestRoute } from '../helpers/test-routes';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import type { Route } from '@/scenes/routes/route-schema';
import { compareImages } from '../helpers/image-difference';

const route = buildTestRoute('render-golden');
const heavensGate = CURATED_ROUTES.find((r) => r.id === 'heavens-gate-flythrough');
if (!heavensGate) throw new Error('the curated Heaven’s Gate route is missing');
/** One pose per scene: Wulingyuan's Southern Sky Column at sunrise, and Tianmen's gate wall as the showpiece closes in. */
const GOLDEN_POSES: ReadonlyArray<{ route: Route; timeS: number }> = [
  { route, timeS: 12 },
  { route: heavensGate, timeS: 50 },
];
/** Frames per test segment: enough for key and delta chunks, few enough for a CPU rasteriser. */
const SHORT_SEGMENT_FRAMES = 4;
const GOLDEN_WIDTH = 640;
const GOLDEN_HEIGHT = 360;
/** A channel may differ by this much (driver rounding) before the pixel counts as different… */
const CHANNEL_TOLERANCE = 6;
/** …and at most this fraction of pixels may differ. */
const MAX_DIFFERING_FRACTION = 0.002;

let pool: ChromiumRendererPool;
before(async () => {
  pool = await createRendererPool({ size: 1 });
});
after(async () => {
  await pool?.close();
});

function segment(profile: QualityProfile, segmentIndex: number): SegmentRequest {
  return { route, profile, segmentIndex, firstFrame: segmentIndex * FRAMES_PER_SEGMENT, frameCount: SHORT_SEGMENT_FRAMES };
}

function sameChunks(a: readonly EncodedChunk[], b: readonly EncodedChunk[], what: string): void {
  assert.equal(a.length, b.length, `${what}: chunk count`);
  a.forEach((chunk, i) => {
    assert.equal(chunk.index, b[i].index, `${what}: chunk ${i} index`);
    assert.equal(chunk.key, b[i].key, `${what}: chunk ${i} key flag`);
    assert.equal(chunk.timestampUs, b[i].timestampUs, `${what}: chunk ${i} timestamp`);
    assert.ok(
      Buffer.from(chunk.data).equals(Buffer.from(b[i].data)),
      `${what}: chunk ${i} bytes differ (${chunk.data.length} vs ${b[i].data.length} bytes)`,
    );
  });
}

/** A blank, black or single-colour frame would make a worthless golden. */
function distinctColours(image: PNG): number {
  const seen = new Set<number>();
  for (let p = 0; p < image.data.length; p += 4 * 37) seen.add((image.data[p] << 16) | (image.data[p + 1] << 8) | image.data[p + 2]);
  return seen.size;
}

describe('a frame at a pose', () => {
  for (const pose of GOLDEN_POSES) {
    test(`${pose.route.scene}: matches the golden image for this render backend`, async () => {
      const png = PNG.sync.read(Buffer.from(await pool.renderStill(pose.route, pose.timeS, GOLDEN_WIDTH, GOLDEN_HEIGHT, 'png')));
      assert.ok(distinctColours(png) > 200, 'the frame shows a scene, not a flat colour');
      const goldenFile = path.join(
        import.meta.dirname,
        'golden',
        pool.backend,
        `${pose.route.id}-t${pose.timeS}s-${GOLDEN_WIDTH}x${GOLDEN_HEIGHT}.png`,
      );
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(path.dirname(goldenFile), { recursive: true });
        writeFileSync(goldenFile, PNG.sync.write(png));
        return;
      }
      assert.ok(
        existsSync(goldenFile),
        `No golden image for render backend '${pool.backend}' (${pool.glRenderer}) at ${goldenFile}. ` +
          'Check a rendered frame by eye, then create it with: UPDATE_GOLDEN=1 node --import tsx --test tests/render/renderer-frames.test.ts',
      );
      const difference = compareImages(png, PNG.sync.read(readFileSync(goldenFile)), CHANNEL_TOLERANCE);
      assert.ok(
        difference.differingFraction <= MAX_DIFFERING_FRACTION,
        `${(difference.differingFraction * 100).toFixed(3)}% of pixels differ by more than ${CHANNEL_TOLERANCE} (max ${difference.maxChannelDelta}) from ${goldenFile}. ` +
          'If the scene changed on purpose, regenerate the goldens with UPDATE_GOLDEN=1.',
      );
    });
  }
});

describe('a segment', () => {
  test('VP8: the same segment gives byte-identical chunks whatever was rendered before it', async () => {
    const profile = QUALITY_PROFILES['360p'];
    const first = await pool.renderSegment(segment(profile, 2));
    // As in an uninterrupted bake, the frame just before the segment was the last one drawn;
    // a resumed bake starts cold. The pixels must not depend on which.
    const previousFrames = 8;
    await pool.renderSegment({
      route,
      profile,
      segmentIndex: 1,
      firstFrame: 2 * FRAMES_PER_SEGMENT - previousFrames,
      frameCount: previousFrames,
    });
    const again = await pool.renderSegment(segment(profile, 2));
    sameChunks(first.chunks, again.chunks, 'VP8 segment 2');
  });

  test('JPEG: the same segment gives byte-identical chunks', async () => {
    const profile = QUALITY_PROFILES['360p-jpeg'];
    const first = await pool.renderSegment(segment(profile, 1));
    const again = await pool.renderSegment(segment(profile, 1));
    sameChunks(first.chunks, again.chunks, 'JPEG segment 1');
    for (const chunk of first.chunks) {
      assert.ok(chunk.key, 'every JPEG frame stands alone');
      assert.deepEqual([...chunk.data.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG image');
    }
  });

  test('VP8: the first chunk is a key chunk, the rest are delta, timestamps are index / 30 s', async () => {
    const request = segment(QUALITY_PROFILES['360p'], 3);
    const { chunks } = await pool.renderSegment(request);
    assert.deepEqual(
      chunks.map((chunk) => chunk.index),
      Array.from({ length: request.frameCount }, (_, i) => request.firstFrame + i),
    );
    assert.deepEqual(
      chunks.map((chunk) => chunk.key),
      chunks.map((_, i) => i === 0),
    );
    for (const chunk of chunks) assert.equal(chunk.timestampUs, Math.round((chunk.index / BAKE_FPS) * 1_000_000));
    // A VP8 key frame carries the start code 9d 01 2a after its 3-byte frame tag; delta frames have bit 0 of the tag set.
    assert.deepEqual([...chunks[0].data.subarray(3, 6)], [0x9d, 0x01, 0x2a], 'VP8 key frame start code');
    for (const chunk of chunks.slice(1)) assert.equal(chunk.data[0] & 1, 1, `chunk ${chunk.index} is an inter frame`);
  });
});
