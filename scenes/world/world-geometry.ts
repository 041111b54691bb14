// Every mesh a tier draws, built from a world as plain typed arrays: shared pillar and
// crown and ledge-pine meshes per LOD for instancing, and unique meshes for terrain, landmarks, bridge, stream.
import { bridgeForestMatrices } from './bridge-forest';
import { buildBridgeMesh } from './bridge-mesh';
import { buildCliffPineMesh } from './cliff-pine';
import { GROVE_TREE_DETAIL } from './foot-groves';
import { CLIFF_PINE_TIERS, cliffPinesDrawn, ledgePinesOf } from './ledge-pines';
import { mergeMeshes, transformMesh, type MeshData } from './mesh-data';
import { LEDGE_CANOPY, PILLAR_TOP_CANOPY, buildPillarCanopyMesh } from './pillar-canopy-mesh';
import { buildPillarMesh } from './pillar-mesh';
import { writeCrownMatrix, writePillarMatrix } from './pillar-transform';
import type { QualityTier } from './quality-tiers';
import { buildStreamMesh } from './stream-mesh';
import { buildTerrainMesh } from './terrain-mesh';
import type { World } from './world';
import { PILLAR_LOD_COUNT, TIER_DETAIL } from './world-detail';
import { perTierCache } from './per-tier-cache';

export interface WorldGeometry {
  tier: QualityTier;
  terrain: MeshData;
  /** [archetype][lod], unit space, for instancing. */
  pillars: MeshData[][];
  /** [lod], unit space, for instancing on ordinary pillar tops. */
  crowns: MeshData[];
  /** [lod 0, lod 1], unit space: the cliff pine instanced on the pillars' ledges and joints. */
  ledgePines: MeshData[];
  /** Unit space: the round clump instanced as the near pillars' floor groves (and merged along the First Bridge). */
  groveTree: MeshData;
  /** The landmark pillars, in world space, merged into one mesh. */
  landmarkPillars: MeshData;
  landmarkCrowns: MeshData;
  bridge: MeshData;
  stream: MeshData;
}

export const buildWorldGeometry = perTierCache((world: World, tier: QualityTier): WorldGeometry => {
  const detail = TIER_DETAIL[tier];
  const pillars: MeshData[][] = [];
  for (let a = 0; a < world.archetypeCount; a++) {
    const lods: MeshData[] = [];
    for (let lod = 0; lod < PILLAR_LOD_COUNT; lod++) lods.push(buildPillarMesh(world.shapes[a], detail.pillarLods[lod], world.seed));
    pillars.push(lods);
  }
  const crowns = detail.crownLods.map((c) => buildPillarCanopyMesh(c, PILLAR_TOP_CANOPY, world.seed));
  const ledgePines = CLIFF_PINE_TIERS[tier].lods.map((c) => buildCliffPineMesh(c, world.seed));
  const groveTree = buildPillarCanopyMesh(GROVE_TREE_DETAIL, LEDGE_CANOPY, world.seed);
  const ledges = ledgePinesOf(world);

  const landmarkPillarParts: MeshData[] = [];
  const landmarkCrownParts: MeshData[] = [];
  const matrix = new Float32Array(16);
  for (const p of world.pillars) {
    if (p.landmark === null) continue;
    const shape = world.shapes[p.archetype];
    writePillarMatrix(p, matrix, 0);
    // The First Bridge's walls are twice as wide as the column and seen from a few metres: with
    // the column's vertex spacing their green would show as the blurry squares of its quads.
    const widthFactor = Math.min(2, Math.max(1, Math.max(p.radiusXM, p.radiusZM) / 45));
    const landmarkDetail = { ...detail.landmarkPillar, radialSegments: Math.round(detail.landmarkPillar.radialSegments * widthFactor) };
    landmarkPillarParts.push(transformMesh(buildPillarMesh(shape, landmarkDetail, world.seed), matrix));
    if (p.hasCrown) {
      writeCrownMatrix(p, shape, matrix, 0);
      landmarkCrownParts.push(transformMesh(crowns[0], matrix));
    }
    for (let k = 0; k < cliffPinesDrawn(ledges, p.index, tier, 'landmark'); k++) {
      const spot = ledges.first[p.index] + k;
      landmarkCrownParts.push(transformMesh(ledgePines[0], ledges.matrices.subarray(spot * 16, spot * 16 + 16)));
    }
  }
  for (const clump of bridgeForestMatrices(world.bridge, world.seed)) landmarkCrownParts.push(transformMesh(groveTree, clump));
  const geometry: WorldGeometry = {
    tier,
    terrain: buildTerrainMesh(world, detail.terrainStride),
    pillars,
    crowns,
    ledgePines,
    groveTree,
    landmarkPillars: mergeMeshes(landmarkPillarParts),
    landmarkCrowns: mergeMeshes(landmarkCrownParts),
    bridge: buildBridgeMesh(world.bridge, detail.bridgeSegments, detail.bridgeAround, world.seed),
    stream: buildStreamMesh(world.stream, world.halfExtentM, detail.streamStepM),
  };
  return geometry;
});

/** All meshes in a fixed order, for hashing and for counting. */
export function listWorldMeshes(g: WorldGeometry): MeshData[] {
  return [
    g.terrain,
    ...g.pillars.flat(),
    ...g.crowns,
    ...g.ledgePines,
    g.groveTree,
    g.landmarkPillars,
    g.landmarkCrowns,
    g.bridge,
    g.stream,
  ];
}
