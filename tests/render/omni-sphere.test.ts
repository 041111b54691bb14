// A sphere profile's frame is the whole sphere around the pose: sampled by sphere-mapping.ts in
// the route's own direction it shows what the standard render at that pose shows; it bakes into
// VP8 segments like every other profile, deterministic whatever was drawn before.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { createRendererPool, type ChromiumRendererPool } from '@/server/render/renderer-pool';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import { equirectUvOf, sphereViewOf, viewRayAt } from '@/scenes/protocol/sphere-mapping';
import { poseAt } from '@/scenes/routes/pose';
import { NO_LOOK_OFFSET } from '@/scenes/routes/look-offset';
import type { Vec3 } from '@/scenes/routes/route-schema';
import { buildTestRoute } from '../helpers/test-routes';

const route = buildTestRoute('render-golden');
/** The golden pose of renderer-frames.test.ts: the Southern Sky Column fills much of the view. */
const TIME_S = 12;
const FLAT_WIDTH = 640;
const FLAT_HEIGHT = 360;
/** The 2k sphere's size, drawn as a still so its pixels can be read without a VP8 decoder in Node. */
const SPHERE_WIDTH = QUALITY_PROFILES['sphere-2k'].width;
const SPHERE_HEIGHT = QUALITY_PROFILES['sphere-2k'].height;
/** Points of the flat view compared, a grid over its middle, in normalised device coordinates. */
const GRID = [-0.7, -0.35, 0, 0.35, 0.7];
/** Mean absolute difference per channel (0–255) allowed between the flat view and the sphere in the same directions. */
const MAX_MEAN_DIFFERENCE = 14;

let pool: ChromiumRendererPool;
before(async () => {
  pool = await createRendererPool({ size: 1 });
});
after(async () => {
  await pool?.close();
});

/** Mean colour of a (2r+1)² patch around a pixel, wrapping across (the sphere's seam) and clamping down. */
function patchMean(image: PNG, x: number, y: number, r: number): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      const px = (((Math.round(x) + dx) % image.width) + image.width) % image.width;
      const py = Math.min(image.height - 1, Math.max(0, Math.round(y) + dy));
      const at = (py * image.width + px) * 4;
      for (let c = 0; c < 3; c++) sum[c] += image.data[at + c];
      n++;
    }
  }
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

/** Mean channel difference between the flat frame and the sphere sampled where `sphereDirection` says. */
function meanDifference(flat: PNG, sphere: PNG, sphereDirection: (ndcX: number, ndcY: number) => Vec3): number {
  let total = 0;
  let count = 0;
  for (const ndcY of GRID) {
    for (const ndcX of GRID) {
      const flatColour = patchMean(flat, ((ndcX + 1) / 2) * flat.width - 0.5, ((1 - ndcY) / 2) * flat.height - 0.5, 2);
      const [u, v] = equirectUvOf(sphereDirection(ndcX, ndcY));
      const sphereColour = patchMean(sphere, u * sphere.width - 0.5, v * sphere.height - 0.5, 2);
      for (let c = 0; c < 3; c++) total += Math.abs(flatColour[c] - sphereColour[c]);
      count += 3;
    }
  }
  return total / count;
}

describe('a sphere frame', () => {
  test("sampled in the route's own view, it shows what the standard render at that pose shows", async () => {
    // At the sphere's own scene tier: the comparison is about where things are drawn, not how finely.
    const tier = QUALITY_PROFILES['sphere-2k'].sceneTier;
    const flat = PNG.sync.read(Buffer.from(await pool.renderStill(route, TIME_S, FLAT_WIDTH, FLAT_HEIGHT, 'png', tier)));
    const sphere = PNG.sync.read(Buffer.from(await pool.renderStill(route, TIME_S, SPHERE_WIDTH, SPHERE_HEIGHT, 'png', tier, 'equirect')));
    assert.equal(sphere.width, SPHERE_WIDTH);
    if (process.env.OMNI_DEBUG_DIR) {
      (await import('node:fs')).writeFileSync(`${process.env.OMNI_DEBUG_DIR}/sphere.png`, PNG.sync.write(sphere));
      (await import('node:fs')).writeFileSync(`${process.env.OMNI_DEBUG_DIR}/flat.png`, PNG.sync.write(flat));
    }
    const pose = poseAt(route, TIME_S);
    const routeDirection: Vec3 = [pose.lookAt[0] - pose.position[0], pose.lookAt[1] - pose.position[1], pose.lookAt[2] - pose.position[2]];
    const view = sphereViewOf(routeDirection, NO_LOOK_OFFSET, pose.fovDeg, FLAT_WIDTH / FLAT_HEIGHT);
    const matching = meanDifference(flat, sphere, (x, y) => viewRayAt(view, x, y));
    // The same comparison with the view mirrored left to right: a sphere drawn or read the wrong
    // way round lands here, so the match above must be clearly better than this.
    const mirrored = meanDifference(flat, sphere, (x, y) => viewRayAt(view, -x, y));
    assert.ok(matching <= MAX_MEAN_DIFFERENCE, `the sphere differs from the flat view by ${matching.toFixed(1)} per channel on average`);
    assert.ok(matching * 2 < mirrored, `matching ${matching.toFixed(1)} is not clearly better than mirrored ${mirrored.toFixed(1)}`);
    // Behind the camera is drawn too: the sphere is not the flat view stretched.
    const behind = patchMean(sphere, ...equirectPixel(sphere, [-routeDirection[0], 0, -routeDirection[2]]), 2);
    const ahead = patchMean(sphere, ...equirectPixel(sphere, [routeDirection[0], 0, routeDirection[2]]), 2);
    assert.ok(
      behind.some((c) => c > 10),
      'something is drawn behind the camera',
    );
    assert.ok(
      ahead.some((c, i) => Math.abs(c - behind[i]) > 1),
      'ahead and behind differ',
    );
  });

  test('a VP8 segment starts with a key chunk, holds every frame and is byte-identical when baked again after other frames', async () => {
    const profile = QUALITY_PROFILES['sphere-2k'];
    const request = { route, profile, segmentIndex: 2, firstFrame: 2 * FRAMES_PER_SEGMENT, frameCount: 3 };
    const first = await pool.renderSegment(request);
    await pool.renderSegment({ route, profile, segmentIndex: 0, firstFrame: 0, frameCount: 2 });
    const again = await pool.renderSegment(request);
    assert.deepEqual(
      first.chunks.map((chunk) => [chunk.index, chunk.key]),
      [
        [request.firstFrame, true],
        [request.firstFrame + 1, false],
        [request.firstFrame + 2, false],
      ],
    );
    first.chunks.forEach((chunk, i) =>
      assert.ok(Buffer.from(chunk.data).equals(Buffer.from(again.chunks[i].data)), `chunk ${i} bytes differ`),
    );
    // A VP8 key frame's header carries its size: 2048×1024, the whole sphere.
    const key = first.chunks[0].data;
    assert.deepEqual([...key.subarray(3, 6)], [0x9d, 0x01, 0x2a]);
    assert.equal(key[6] | ((key[7] & 0x3f) << 8), profile.width);
    assert.equal(key[8] | ((key[9] & 0x3f) << 8), profile.height);
  });
});

function equirectPixel(image: PNG, direction: Vec3): [number, number] {
  const [u, v] = equirectUvOf(direction);
  return [u * image.width - 0.5, v * image.height - 0.5];
}
