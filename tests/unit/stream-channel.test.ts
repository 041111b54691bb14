// The Golden Whip Stream's channel: water sunk below its banks and above the bed on every tier,
// with banks that rise from under the water and face it, so the stream never reads as a raised road.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld } from '@/scenes/world/world';
import { buildStreamMesh, BANK_TOP_ABOVE_WATER_M, WATER_BELOW_FLOOR_M } from '@/scenes/world/stream-mesh';
import { buildTerrainMesh } from '@/scenes/world/terrain-mesh';
import { TIER_DETAIL } from '@/scenes/world/world-detail';
import { GOLDEN_WHIP_STREAM } from '@/scenes/world/landmarks';

const world = createWorld();
const waterY = GOLDEN_WHIP_STREAM.floorM - WATER_BELOW_FLOOR_M;

describe('stream channel', () => {
  for (const tier of ['phone', 'laptop', 'bake'] as const) {
    const detail = TIER_DETAIL[tier];
    const mesh = buildStreamMesh(world.stream, world.halfExtentM, detail.streamStepM);

    test(`${tier}: water lies below its bank tops, every face looks up and banks face the water`, () => {
      const { positions, normals, indices } = mesh;
      const uvs = mesh.uvs ?? new Float32Array(0);
      assert.equal(uvs.length, (positions.length / 3) * 2, 'the stream mesh carries uvs for its shader');
      let waterVertices = 0;
      let bankTops = 0;
      for (let v = 0; v < positions.length / 3; v++) {
        const [x, y, z] = [positions[v * 3], positions[v * 3 + 1], positions[v * 3 + 2]];
        const u = uvs[v * 2];
        if (u <= 1) {
          waterVertices++;
          assert.equal(y, Math.fround(waterY));
        } else if (u === 3) {
          bankTops++;
          assert.ok(y - waterY >= 1.5, `bank top ${v} only ${(y - waterY).toFixed(2)} m above the water`);
          // The normal leans towards the centre line, so the lit face is the one seen from the water.
          const dz = world.stream.centreZAt(x) - z;
          assert.ok(normals[v * 3 + 2] * dz > 0 || Math.abs(dz) < 1e-6, `bank ${v} faces away from the water`);
        } else {
          assert.equal(u, 2);
          assert.ok(y < waterY, `bank foot ${v} stands above the water`);
        }
      }
      assert.equal(bankTops, waterVertices);
      assert.ok(BANK_TOP_ABOVE_WATER_M >= 1.5);
      for (let t = 0; t < indices.length; t += 3) {
        const [a, b, c] = [indices[t], indices[t + 1], indices[t + 2]];
        const e1 = [positions[b * 3] - positions[a * 3], positions[b * 3 + 2] - positions[a * 3 + 2]];
        const e2 = [positions[c * 3] - positions[a * 3], positions[c * 3 + 2] - positions[a * 3 + 2]];
        // y of (b - a) × (c - a): positive when the triangle winds counter-clockwise seen from above.
        const upY = e1[1] * e2[0] - e1[0] * e2[1];
        assert.ok(upY > 0, `triangle ${t / 3} faces down`);
      }
    });

    test(`${tier}: the terrain's bed lies under the water across the stream`, () => {
      const terrain = buildTerrainMesh(world, detail.terrainStride);
      let checked = 0;
      for (let v = 0; v < terrain.positions.length / 3; v++) {
        const x = terrain.positions[v * 3];
        const z = terrain.positions[v * 3 + 2];
        if (world.stream.distanceM(x, z) > GOLDEN_WHIP_STREAM.widthM / 2) continue;
        checked++;
        assert.ok(terrain.positions[v * 3 + 1] < waterY, `terrain at (${x}, ${z}) stands out of the water`);
      }
      assert.ok(checked > 10, `only ${checked} terrain vertices in the stream`);
    });
  }
});
