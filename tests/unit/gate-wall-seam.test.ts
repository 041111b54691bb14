// Heaven's Gate's faces are built as two grids each (under the gate, and beside and above it)
// that meet along the gate's floor level. Where the two grids' points coincide they must carry
// the same normal, or the light breaks along that line and the wall is ruled by a dark stripe
// straight across it (as the phone drew it).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGateWallMesh } from '@/scenes/world/gate-wall-mesh';
import { TIANMEN_DETAIL } from '@/scenes/world/tianmen-geometry';
import { createTianmenWorld } from '@/scenes/world/tianmen-world';
import { QUALITY_TIERS } from '@/scenes/world/quality-tiers';

const world = createTianmenWorld();

describe('Heaven’s Gate wall seams', () => {
  for (const tier of QUALITY_TIERS) {
    test(`${tier}: coinciding points of the faces' grids share one normal`, () => {
      const mesh = buildGateWallMesh(world.gateWall, TIANMEN_DETAIL[tier].gateWall);
      const { positions, normals } = mesh;
      const floorM = world.gateWall.outline[0][1];
      // Points on the face along the gate's floor level, keyed by where they stand (to a millimetre).
      const seen = new Map<string, [number, number, number]>();
      let shared = 0;
      for (let v = 0; v < positions.length; v += 3) {
        const [x, y, z] = [positions[v], positions[v + 1], positions[v + 2]];
        const [nx, ny, nz] = [normals[v], normals[v + 1], normals[v + 2]];
        // Only the faces (their normals look mostly north or south), not the passage through.
        if (Math.abs(y - floorM) > 1e-3 || Math.abs(nz) < 0.5) continue;
        const key = `${Math.round(x * 1000)},${Math.round(z * 1000)}`;
        const other = seen.get(key);
        if (!other) {
          seen.set(key, [nx, ny, nz]);
          continue;
        }
        shared++;
        const dot = nx * other[0] + ny * other[1] + nz * other[2];
        assert.ok(dot > 0.9999, `normals at (${x.toFixed(1)}, ${y.toFixed(1)}, ${z.toFixed(1)}) differ: cos ${dot.toFixed(4)}`);
      }
      assert.ok(shared > 20, `${shared} points shared along the seam`);
    });
  }
});
