// clearanceAt: negative inside rock, true to the ground from above, cheap enough for route validation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createWorld } from '@/scenes/world/world';
import { pillarCentreAt, pillarSignedDistanceM, pillarSolidTopY } from '@/scenes/world/pillar';
import { plateauEdgeZ } from '@/scenes/world/terrain';

const world = createWorld();
const ordinary = world.pillars.filter((p) => p.landmark === null);

describe('world clearance', () => {
  test('points on a pillar axis below its top are inside', () => {
    for (const p of ordinary.slice(0, 200)) {
      const y = (p.baseY + p.topY) / 2;
      const [cx, cz] = pillarCentreAt(p, y);
      assert.ok(world.clearanceAt([cx, y, cz]) < 0, `pillar ${p.index}`);
    }
  });

  test('clearance above a pillar top grows with height', () => {
    for (const p of ordinary.slice(0, 100)) {
      const [cx, cz] = pillarCentreAt(p, p.topY);
      const top = pillarSolidTopY(p);
      const d = world.clearanceAt([cx, top + 50, cz]);
      assert.ok(d > 0 && d <= 50 + 1e-6, `above pillar ${p.index}: ${d}`);
    }
  });

  test('high above everything the clearance is large', () => {
    assert.ok(world.clearanceAt([0, 3000, 0]) > 1800);
  });

  test('from above flat open ground the clearance is the height above it', () => {
    // Open valley floor along the stream, far from pillars: the ground is near flat there.
    for (const x of [-1400, -300, 800, 1800]) {
      const z = world.stream.centreZAt(x);
      const ground = world.heightAt(x, z);
      const d = world.clearanceAt([x, ground + 30, z]);
      assert.ok(Math.abs(d - 30) < 2, `at ${x}: ${d}`);
    }
  });

  test('near the Tianzi cliff the clearance is the true distance to the rock, within a few metres', () => {
    // The true distance to the ground surface, from below: the nearest of densely sampled surface points.
    const sampledSurfaceDistanceM = (x: number, y: number, z: number, radiusM: number) => {
      let best = Infinity;
      for (let sx = x - radiusM; sx <= x + radiusM; sx += 2) {
        for (let sz = z - radiusM; sz <= z + radiusM; sz += 2)
          best = Math.min(best, Math.hypot(sx - x, world.heightAt(sx, sz) - y, sz - z));
      }
      return best;
    };
    let checked = 0;
    for (const x of [-900, -300, 150, 700, 1300]) {
      const edgeZ = plateauEdgeZ(x, world.seed);
      const plateauTop = world.heightAt(x, edgeZ - 120);
      const points: Array<[number, number, number]> = [
        // Above the rim, 90 m over the plateau top: the ground below the cliff is hundreds of metres down.
        [x, plateauTop + 90, edgeZ + 10],
        // Out over the valley, level with the middle of the wall.
        [x, (plateauTop + world.heightAt(x, edgeZ + 300)) / 2, edgeZ + 70],
      ];
      for (const [px, py, pz] of points) {
        const pillarM = Math.min(...world.pillars.map((p) => pillarSignedDistanceM(p, world.shapes[p.archetype], px, py, pz)));
        const trueM = Math.min(sampledSurfaceDistanceM(px, py, pz, 130), pillarM);
        const d = world.clearanceAt([px, py, pz]);
        assert.ok(d <= trueM + 1e-6, `${d} over ${trueM} at ${px},${py},${pz}`);
        assert.ok(d >= trueM - 3, `${d} well under ${trueM} at ${px},${py},${pz}`);
        checked++;
      }
    }
    assert.equal(checked, 10);
  });

  test('below ground is negative; clearance is never more than the height above ground', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2300, max: 2300, noNaN: true }),
        fc.double({ min: -2300, max: 2300, noNaN: true }),
        fc.double({ min: -50, max: 600, noNaN: true }),
        (x, z, dy) => {
          const ground = world.heightAt(x, z);
          const d = world.clearanceAt([x, ground + dy, z]);
          if (dy < -0.001) return d < 0;
          return d <= Math.max(dy, 0) + 1e-6;
        },
      ),
      { numRuns: 400 },
    );
  });

  test('a clearance is never larger than the distance to a point known to be solid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ordinary.length - 1 }),
        fc.double({ min: -400, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: -400, max: 400, noNaN: true }),
        (i, ox, oy, oz) => {
          const p = ordinary[i];
          const y = (p.baseY + p.topY) / 2;
          const [cx, cz] = pillarCentreAt(p, y);
          const probe: [number, number, number] = [cx + ox, y + oy, cz + oz];
          return world.clearanceAt(probe) <= Math.hypot(ox, oy, oz) + 1e-6;
        },
      ),
      { numRuns: 300 },
    );
  });
});
