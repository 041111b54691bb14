// Green over stone: every pillar mesh, near or far, on every tier, carries green down its shaft
// in its vertex colours (ledges, joints, hanging stands), but bare grey-buff rock dominates the
// shaft, as in a photograph; a shaft clad green from top to foot reads as a green tower, and a
// near one with little green as a desert hoodoo.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PILLAR_ARCHETYPE_SPECS } from '@/scenes/world/pillar-archetypes';
import { buildPillarMesh } from '@/scenes/world/pillar-mesh';
import { createPillarShape } from '@/scenes/world/pillar-shape';
import { QUALITY_TIERS } from '@/scenes/world/quality-tiers';
import { TIER_DETAIL } from '@/scenes/world/world-detail';

const SEED = 20261126;

/** Share of the vertices between two heights whose colour is leaf green rather than rock (the same test the rock shader makes). */
function greenShare(colors: Float32Array, positions: Float32Array, fromYN: number, toYN: number): number {
  let green = 0;
  let all = 0;
  for (let i = 0; i < colors.length; i += 3) {
    const y = positions[i + 1];
    if (y < fromYN || y > toYN) continue;
    all++;
    if (colors[i + 1] / Math.max(colors[i], 1e-6) > 1.15) green++;
  }
  return green / all;
}

describe('green down the pillars', () => {
  for (const tier of QUALITY_TIERS) {
    test(`${tier}: every archetype at every level of detail is green down its shaft, with rock dominating`, () => {
      TIER_DETAIL[tier].pillarLods.forEach((detail, lod) => {
        PILLAR_ARCHETYPE_SPECS.forEach((spec, a) => {
          const mesh = buildPillarMesh(createPillarShape(spec, SEED), detail, SEED);
          assert.ok(mesh.colors, 'pillar meshes carry vertex colours');
          // The lower shaft (above the foot's moss) is not bare: green reaches well below the top.
          const lower = greenShare(mesh.colors, mesh.positions, 0.06, 0.45);
          assert.ok(lower >= 0.03, `${tier} LOD ${lod} archetype ${a}: lower shaft ${(lower * 100).toFixed(0)} % green`);
          // Bare rock dominates the shaft; a far mesh stands for a face seen whole, so more of it may be green.
          const shaft = greenShare(mesh.colors, mesh.positions, 0.06, 0.85);
          const most = lod < 2 ? 0.5 : 0.65;
          assert.ok(shaft <= most, `${tier} LOD ${lod} archetype ${a}: shaft ${(shaft * 100).toFixed(0)} % green`);
          // But a near shaft is not bare either: photographs show about a quarter of a near pillar
          // green (its clinging pines add to the colour's share); with some near shafts under 10 %
          // green the pillars read, under golden light, as desert hoodoos.
          if (lod === 0) assert.ok(shaft >= 0.1, `${tier} LOD 0 archetype ${a}: shaft only ${(shaft * 100).toFixed(0)} % green`);
        });
      });
    });
  }
});
