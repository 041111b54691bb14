// The pines on the pillars' shafts are cliff pines leaning out from the face, in belts, many on a
// near shaft: the round clumps turned at random that they replace read as brackets stuck on the stone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld } from '@/scenes/world/world';
import { CLIFF_PINE_REACH, buildCliffPineMesh, cliffPineTriangleCount } from '@/scenes/world/cliff-pine';
import { CLIFF_PINE_MAX_OUT_M, CLIFF_PINE_TIERS, cliffPineMatrix, ledgePinesOf } from '@/scenes/world/ledge-pines';
import { planInstances } from '@/scenes/world/instance-plan';
import { triangleCount } from '@/scenes/world/mesh-data';
import { QUALITY_TIERS } from '@/scenes/world/quality-tiers';

const world = createWorld();
const ledges = ledgePinesOf(world);

function spotsOf(index: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let k = 0; k < ledges.count[index]; k++) {
    const at = (ledges.first[index] + k) * 16;
    out.push(ledges.matrices.subarray(at, at + 16));
  }
  return out;
}

describe('cliff pines', () => {
  test('every pine leans out from its pillar, upright, within the reach the flight allows', () => {
    let pines = 0;
    for (const p of world.pillars) {
      const height = p.topY - p.baseY;
      for (const m of spotsOf(p.index)) {
        const yN = (m[13] - p.baseY) / height;
        const awayX = m[12] - (p.x + p.leanX * height * yN);
        const awayZ = m[14] - (p.z + p.leanZ * height * yN);
        const outM = Math.sqrt(m[0] * m[0] + m[2] * m[2]);
        // The unit +x (out over the drop) within 75° of straight out from the axis (the yaw and a squarish section turn it).
        const cosOut = (m[0] * awayX + m[2] * awayZ) / (outM * Math.sqrt(awayX * awayX + awayZ * awayZ));
        assert.ok(
          cosOut > 0.25,
          `pine at ${m[12]},${m[13]},${m[14]} of pillar ${p.index} leans ${Math.acos(cosOut)} rad off the face's normal`,
        );
        assert.equal(m[1], 0);
        assert.ok(m[5] > 0, 'upright');
        assert.ok(outM <= CLIFF_PINE_MAX_OUT_M + 1e-4, `reaches ${outM} m out`);
        pines++;
      }
    }
    assert.ok(pines > 20_000, `${pines} pines in the world`);
  });

  test('pines grow in belts along ledges and files up joints, not one by one', () => {
    let withNeighbour = 0;
    let all = 0;
    for (const p of world.pillars.filter((q) => q.landmark === null).slice(0, 60)) {
      const spots = spotsOf(p.index);
      for (const a of spots) {
        all++;
        if (spots.some((b) => b !== a && Math.sqrt((a[12] - b[12]) ** 2 + (a[13] - b[13]) ** 2 + (a[14] - b[14]) ** 2) < 12))
          withNeighbour++;
      }
    }
    assert.ok(withNeighbour >= all * 0.7, `${withNeighbour} of ${all} pines have another within 12 m`);
  });

  test('a near shaft carries dozens of pines on every tier, more where the budget allows', () => {
    const camera: [number, number, number] = [0, 700, 0];
    let previous = 0;
    for (const tier of QUALITY_TIERS) {
      const plan = planInstances(world, tier, camera);
      const nearPillars = plan.pillarBuckets.filter((b) => b.lod === 0).reduce((s, b) => s + b.count, 0);
      const perNearPillar = plan.ledgeBuckets[0].count / nearPillars;
      assert.ok(perNearPillar >= 30, `${tier}: ${perNearPillar} pines a near pillar`);
      assert.ok(CLIFF_PINE_TIERS[tier].perPillar[0] >= previous);
      previous = CLIFF_PINE_TIERS[tier].perPillar[0];
    }
  });

  test('the mesh has the triangles the budgets count and stays within its reach', () => {
    for (const tier of QUALITY_TIERS) {
      for (const detail of CLIFF_PINE_TIERS[tier].lods) {
        const mesh = buildCliffPineMesh(detail, world.seed);
        assert.equal(triangleCount(mesh), cliffPineTriangleCount(detail));
        for (let v = 0; v < mesh.positions.length / 3; v++) {
          const [x, y, z] = [mesh.positions[v * 3], mesh.positions[v * 3 + 1], mesh.positions[v * 3 + 2]];
          assert.ok(
            x <= CLIFF_PINE_REACH.out && y <= CLIFF_PINE_REACH.up && Math.abs(z) <= CLIFF_PINE_REACH.along,
            `vertex ${x},${y},${z}`,
          );
        }
      }
    }
    assert.throws(() => buildCliffPineMesh({ trunk: true, pads: 5, padSides: 5, padRings: 1 }, 1), /1 to 4 pads/);
  });

  test('the frame keeps its handedness, so the pads face the way they were built', () => {
    const m = cliffPineMatrix([0, 0, 0], 0, 1, 0.3, { outM: 5, upM: 6, alongM: 7 });
    const [ax, ay, az] = [m[0], m[1], m[2]];
    const [bx, by, bz] = [m[4], m[5], m[6]];
    const cross = [ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx];
    const dot = cross[0] * m[8] + cross[1] * m[9] + cross[2] * m[10];
    assert.ok(dot > 0);
  });
});
