// The six faces a sphere frame is drawn from: each a right-handed camera basis, together
// covering every direction exactly once (the shader picks the face whose centre is nearest),
// laid out in distinct cells of the 3×2 atlas, and a face's 90° view reaches its neighbours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ATLAS_COLUMNS, ATLAS_ROWS, CUBE_FACES, faceSizeFor } from '@/components/scene/omni/cube-faces';
import type { Vec3 } from '@/scenes/routes/route-schema';

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

test('every face is an orthonormal camera basis with right = forward × up', () => {
  assert.equal(CUBE_FACES.length, 6);
  for (const face of CUBE_FACES) {
    for (const axis of [face.forward, face.up, face.right]) assert.equal(dot(axis, axis), 1);
    assert.equal(dot(face.forward, face.up), 0);
    assert.deepEqual(cross(face.forward, face.up), face.right);
  }
});

test('the faces point six different ways and sit in six different atlas cells', () => {
  const forwards = new Set(CUBE_FACES.map((face) => face.forward.join(',')));
  assert.equal(forwards.size, 6);
  const cells = new Set(CUBE_FACES.map((face) => `${face.column},${face.row}`));
  assert.equal(cells.size, 6);
  for (const face of CUBE_FACES) assert.ok(face.column < ATLAS_COLUMNS && face.row < ATLAS_ROWS);
  assert.equal(faceSizeFor(2048), 512);
  assert.equal(faceSizeFor(3840), 960);
});

test('any direction falls inside the 90° view of the face whose centre is nearest', () => {
  const component = fc.double({ min: -1, max: 1, noNaN: true });
  fc.assert(
    fc.property(component, component, component, (x, y, z) => {
      fc.pre(Math.hypot(x, y, z) > 1e-3);
      const d: Vec3 = [x, y, z];
      const best = CUBE_FACES.reduce((a, b) => (dot(d, b.forward) > dot(d, a.forward) ? b : a));
      const depth = dot(d, best.forward);
      assert.ok(Math.abs(dot(d, best.right) / depth) <= 1 + 1e-12);
      assert.ok(Math.abs(dot(d, best.up) / depth) <= 1 + 1e-12);
    }),
  );
});
