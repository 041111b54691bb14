// The screenshot script's cut of a cloud sphere frame (scripts/look-around-shots.ts): each
// pixel shows the sphere where sphere-mapping.ts says that pixel of the view looks, wrapping
// across the frame's seam, as the cloud player's sampler does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutSphereView, LOOKS } from '@/scripts/look-around-shots';
import { equirectUvOf, sphereViewOf, viewRayAt } from '@/scenes/protocol/sphere-mapping';
import type { Vec3 } from '@/scenes/routes/route-schema';
import { createLookStore } from '@/components/player/look/look-store';

const WIDTH = 256;
const HEIGHT = 128;
/** A sphere frame whose red channel is its column and green its row (scaled to 0–255), blue 255 on the left half. */
function codedSphere() {
  const data = new Uint8Array(WIDTH * HEIGHT * 4);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 4;
      data[at] = Math.round((x / (WIDTH - 1)) * 255);
      data[at + 1] = Math.round((y / (HEIGHT - 1)) * 255);
      data[at + 2] = x < WIDTH / 2 ? 255 : 0;
      data[at + 3] = 255;
    }
  }
  return { width: WIDTH, height: HEIGHT, data };
}

test('each look shows the sphere where sphere-mapping puts its centre', () => {
  const sphere = codedSphere();
  const routeDirection: Vec3 = [0.3, -0.1, -1];
  for (const look of LOOKS) {
    const view = sphereViewOf(routeDirection, look.offset, 50, 16 / 9);
    const cut = cutSphereView(sphere, view, 33, 19);
    const centre = (9 * 33 + 16) * 4;
    const [u, v] = equirectUvOf(viewRayAt(view, 0, 0));
    // The centre pixel's ray is the view's forward ray (odd sizes put a pixel centre on it).
    assert.ok(Math.abs(cut.data[centre + 1] - v * 255) < 4, `${look.name}: row ${cut.data[centre + 1]} against ${v * 255}`);
    if (Math.abs(u - 0.5) < 0.45)
      assert.ok(Math.abs(cut.data[centre] - u * 255) < 4, `${look.name}: column ${cut.data[centre]} against ${u * 255}`);
  }
});

test('left and right are a half turn apart on the sphere, and down looks below the horizon', () => {
  const sphere = codedSphere();
  const routeDirection: Vec3 = [0, 0, -1];
  const centreOf = (name: string) => {
    const look = LOOKS.find((candidate) => candidate.name === name)!;
    const cut = cutSphereView(sphere, sphereViewOf(routeDirection, look.offset, 50, 16 / 9), 33, 19);
    return cut.data.subarray((9 * 33 + 16) * 4, (9 * 33 + 16) * 4 + 4);
  };
  // Ahead is the frame's centre (u = 0.5); left of it is the left half (u = 0.25), right the right half (0.75).
  assert.equal(centreOf('left')[2], 255);
  assert.equal(centreOf('right')[2], 0);
  assert.ok(Math.abs(centreOf('left')[0] - 0.25 * 255) < 4);
  assert.ok(Math.abs(centreOf('right')[0] - 0.75 * 255) < 4);
  assert.ok(centreOf('down')[1] > 0.9 * 255, 'down looks near the bottom row');
});

test('a view across the frame seam (looking behind) wraps instead of smearing the edge', () => {
  const sphere = codedSphere();
  const behind = sphereViewOf([0, 0, 1], { yawRad: 0, pitchRad: 0 }, 50, 16 / 9);
  const cut = cutSphereView(sphere, behind, 33, 19);
  const row = 9;
  const left = cut.data[(row * 33 + 2) * 4];
  const right = cut.data[(row * 33 + 30) * 4];
  // The left of the view lies at the frame's right edge (large column), its right at the left edge.
  assert.ok(left > 200 && right < 55, `left ${left}, right ${right}`);
});

test('every look is one the player’s look store holds as it is, so the device draws the look the cloud is cut at', () => {
  const store = createLookStore({ release: 'stay', gyro: false }, () => 0);
  for (const look of LOOKS) {
    store.setLookOffset(look.offset);
    assert.deepEqual(store.getLookOffset(), look.offset, `${look.name}: the store turned ${JSON.stringify(look.offset)} into another look`);
  }
});
