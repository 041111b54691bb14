// A pillar's top must read as green-crowned stone: many separate crowns packed over it, a good
// share of them crowding and overhanging the rim at uneven heights, so its outline against the
// sky is broken by single crowns; one smooth dome read as a green cap on a chimney. And every
// crown stays inside the solid the clearance field counts, within the triangles the budgets count.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CANOPY_MAX_REACH, CANOPY_TOP, canopyOutline, planCanopy } from '@/scenes/world/canopy-layout';
import { LEDGE_CANOPY, PILLAR_TOP_CANOPY, buildPillarCanopyMesh, canopyTriangleCount } from '@/scenes/world/pillar-canopy-mesh';
import { GROVE_TREE_DETAIL } from '@/scenes/world/foot-groves';
import { triangleCount } from '@/scenes/world/mesh-data';
import { createRandom } from '@/scenes/world/random';
import { TIER_DETAIL } from '@/scenes/world/world-detail';
import type { QualityTier } from '@/scenes/world/quality-tiers';

const SEED = 20261126;
const TIERS: QualityTier[] = ['phone', 'laptop', 'bake'];
/** The rock's rim in the crown's unit space: crowns are scaled to 0.95 of the top's radius. */
const ROCK_RIM = 1 / 0.95;

describe('pillar canopies', () => {
  test('the near and middle tops are packed with separate crowns: at least five (near) and three (middle) per unit of top area', () => {
    const area = Math.PI * PILLAR_TOP_CANOPY.rimRadius ** 2;
    for (const tier of TIERS) {
      for (const lod of [0, 1]) {
        const plan = planCanopy(TIER_DETAIL[tier].crownLods[lod], PILLAR_TOP_CANOPY, createRandom(SEED));
        const crowns = plan.tufts.length + plan.pines.length;
        assert.ok(crowns / area >= (lod === 0 ? 5 : 3), `${tier} LOD ${lod}: ${crowns} crowns on ${area.toFixed(2)} of top`);
      }
    }
  });

  test('a third of the crowns crowd the rim, overhang the rock there, and stand at uneven heights', () => {
    for (const tier of TIERS) {
      for (const lod of [0, 1, 2]) {
        const plan = planCanopy(TIER_DETAIL[tier].crownLods[lod], PILLAR_TOP_CANOPY, createRandom(SEED + lod));
        const rim = plan.tufts.filter((t) => t.rim);
        const label = `${tier} LOD ${lod}`;
        assert.ok(rim.length >= plan.tufts.length / 3, `${label}: ${rim.length} of ${plan.tufts.length} tufts on the rim`);
        const overhanging = rim.filter((t) => {
          const bearing = Math.atan2(t.z, t.x);
          return Math.hypot(t.x, t.z) + t.radius > ROCK_RIM * canopyOutline(PILLAR_TOP_CANOPY.squareness, bearing);
        });
        assert.ok(overhanging.length >= rim.length * 0.75, `${label}: ${overhanging.length} of ${rim.length} rim tufts overhang`);
        const tops = rim.map((t) => t.y + t.height);
        const mean = tops.reduce((s, v) => s + v, 0) / tops.length;
        const spread = Math.sqrt(tops.reduce((s, v) => s + (v - mean) ** 2, 0) / tops.length);
        assert.ok(spread >= 0.08, `${label}: rim tops spread ${spread.toFixed(3)} of a crown height`);
        if (lod < 2) {
          const lowest = Math.min(...rim.map((t) => t.y));
          assert.ok(
            lowest < PILLAR_TOP_CANOPY.rimHeight - 0.1,
            `${label}: some rim tufts hang down the face (lowest at ${lowest.toFixed(2)})`,
          );
        }
      }
    }
  });

  test('every canopy stays inside the crown solid clearance counts, in the triangles the budgets count', () => {
    const meshes = [
      ...TIERS.flatMap((tier) => TIER_DETAIL[tier].crownLods.map((detail) => ({ detail, shape: PILLAR_TOP_CANOPY }))),
      { detail: GROVE_TREE_DETAIL, shape: LEDGE_CANOPY },
    ];
    for (const { detail, shape } of meshes) {
      const mesh = buildPillarCanopyMesh(detail, shape, SEED);
      assert.equal(triangleCount(mesh), canopyTriangleCount(detail));
      for (let v = 0; v < mesh.positions.length / 3; v++) {
        const x = mesh.positions[v * 3];
        const y = mesh.positions[v * 3 + 1];
        const z = mesh.positions[v * 3 + 2];
        assert.ok(Math.hypot(x, z) <= CANOPY_MAX_REACH + 1e-6, `reach ${Math.hypot(x, z)}`);
        assert.ok(y <= CANOPY_TOP + 0.05 && y >= -1, `height ${y}`);
      }
    }
  });
});
