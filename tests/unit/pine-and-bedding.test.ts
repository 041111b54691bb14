// The shapes that keep Zhangjiajie's pillars from reading as chimneys: flat-topped, windswept
// pines (never a field of identical cones) that stay within the bounds clearance assumes;
// beds that step in and out so a pillar's silhouette is notched; clumps clinging down the whole
// height of a pillar, not only near its top.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addPine, pineTriangleCount, pineVertexCount, type PineSpec } from '@/scenes/world/pine-tree';
import { HALLELUJAH_SHAPE_SPEC } from '@/scenes/world/pillar-archetypes';
import { createPillarShape } from '@/scenes/world/pillar-shape';
import { createRandom } from '@/scenes/world/random';
import { createWorld } from '@/scenes/world/world';
import { ledgePinesOf } from '@/scenes/world/ledge-pines';

const SEED = 20261126;
const GREEN = [0.1, 0.2, 0.1];

interface Pad {
  ring: Array<[number, number, number]>;
  top: [number, number, number];
}

/** Draws one pine and returns its pads as the writer received them. */
function drawPine(spec: PineSpec, seed: number): { pads: Pad[]; vertices: number; triangles: number } {
  const vertices: Array<[number, number, number]> = [];
  let triangles = 0;
  addPine(
    {
      put(x, y, z) {
        vertices.push([x, y, z]);
        return vertices.length - 1;
      },
      tri() {
        triangles++;
      },
    },
    createRandom(seed),
    spec,
  );
  const per = spec.sides + 2;
  const pads: Pad[] = [];
  for (let k = 0; k < spec.layers; k++) {
    pads.push({ ring: vertices.slice(k * per, k * per + spec.sides), top: vertices[k * per + spec.sides] });
  }
  return { pads, vertices: vertices.length, triangles };
}

const baseSpec: PineSpec = {
  x: 0,
  y: 0,
  z: 0,
  height: 1,
  radius: 0.3,
  layers: 3,
  sides: 6,
  leanX: 0,
  leanZ: 0,
  shade: 1,
  dark: GREEN,
  lit: GREEN,
};

describe('pines', () => {
  test('every form keeps the vertex and triangle counts the budgets count on, and stays inside the old cone bounds', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const spec = { ...baseSpec, leanX: seed % 3 === 0 ? 0.3 : 0 };
      const { pads, vertices, triangles } = drawPine(spec, seed);
      assert.equal(vertices, pineVertexCount(spec.layers, spec.sides));
      assert.equal(triangles, pineTriangleCount(spec.layers, spec.sides));
      for (const pad of pads) {
        assert.ok(pad.top[1] <= 1.12 * spec.height + 1e-9, `seed ${seed}: a pad tops out at ${pad.top[1].toFixed(3)}`);
        for (const [x, , z] of [...pad.ring, pad.top]) {
          const trunkDrift = spec.leanX * 1.12 * spec.height;
          assert.ok(
            Math.hypot(x - trunkDrift, z) <= 1.15 * spec.radius + 1e-6 + Math.abs(trunkDrift),
            `seed ${seed}: a pad reaches too far out`,
          );
        }
      }
    }
  });

  test('most pines are flat-topped (a broad top pad), and their silhouettes differ', () => {
    let flatTopped = 0;
    const widths = new Set<string>();
    const trees = 60;
    for (let seed = 1; seed <= trees; seed++) {
      const { pads } = drawPine(baseSpec, seed);
      const width = (pad: Pad) => Math.max(...pad.ring.map(([x, , z]) => Math.hypot(x - pad.top[0], z - pad.top[2])));
      const top = pads[pads.length - 1];
      if (width(top) >= 0.65 * width(pads[0])) flatTopped++;
      widths.add(width(top).toFixed(3));
    }
    assert.ok(flatTopped >= trees * 0.6, `${flatTopped} of ${trees} pines flat-topped`);
    assert.ok(widths.size >= trees * 0.8, 'pines repeat one silhouette');
  });
});

describe('pillar beds and clinging pines', () => {
  test('beds step in and out: the Hallelujah column is notched down its height, not a smooth shaft', () => {
    const shape = createPillarShape(HALLELUJAH_SHAPE_SPEC, SEED);
    let steps = 0;
    for (let a = 0; a < 8; a++) {
      const theta = (a / 8) * Math.PI * 2 + 0.1;
      for (let i = 0; i < 400; i++) {
        const y0 = 0.05 + (i / 400) * 0.9;
        const y1 = y0 + 0.9 / 400;
        // A change of more than 4 % of the radius within a quarter of a metre or so: a step, not a taper.
        if (Math.abs(shape.radiusAt(theta, y1) - shape.radiusAt(theta, y0)) > 0.04 * shape.profileAt(y0)) steps++;
      }
    }
    assert.ok(steps >= 40, `${steps} steps found around the column`);
  });

  test('clumps cling along the whole height of the pillars, and more of them on the landmarks', () => {
    const world = createWorld();
    const ledges = ledgePinesOf(world);
    let low = 0;
    let all = 0;
    for (const p of world.pillars) {
      for (let k = 0; k < ledges.count[p.index]; k++) {
        const spot = ledges.first[p.index] + k;
        const y = ledges.matrices[spot * 16 + 13];
        const yN = (y - p.baseY) / (p.topY - p.baseY);
        all++;
        if (yN < 0.45) low++;
      }
    }
    assert.ok(low >= all * 0.2, `${low} of ${all} clumps in the lower half`);
    const hallelujah = world.pillars.find((p) => p.landmark === 'hallelujah');
    assert.ok(hallelujah);
    assert.ok(ledges.count[hallelujah.index] >= 20, `Hallelujah carries ${ledges.count[hallelujah.index]} clumps`);
  });
});
