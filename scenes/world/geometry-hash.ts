// A fingerprint of a world's geometry: FNV-1a over the bytes of every typed array, so
// the browser and the render server can prove they built byte-identical scenes.
import { listWorldMeshes, buildWorldGeometry, type WorldGeometry } from './world-geometry';
import type { QualityTier } from './quality-tiers';
import type { MeshData } from './mesh-data';
import type { Pillar } from './pillar';
import { buildTianmenGeometry, listTianmenMeshes, type TianmenGeometry } from './tianmen-geometry';
import { createTianmenWorld } from './tianmen-world';
import { createWorld } from './world';

function fnv1a(hash: number, bytes: Uint8Array): number {
  let h = hash;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function bytesOf(array: Float32Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Two independent FNV-1a lanes (different offsets) give a 64-bit hex digest. */
export function hashWorldGeometry(seed: number, tier: QualityTier): string {
  const world = createWorld(seed);
  return fingerprintWorldGeometry(buildWorldGeometry(world, tier), world.pillars);
}

/** The fingerprint of a Wulingyuan build wherever it was made (a worker posts the same arrays). */
export function fingerprintWorldGeometry(geometry: WorldGeometry, pillars: readonly Pillar[]): string {
  let [a, b] = foldMeshes(listWorldMeshes(geometry));
  // The layout of the pillars decides the instance transforms, so it is part of the fingerprint too.
  const placement = new Float32Array(pillars.length * 8);
  pillars.forEach((p, i) => placement.set([p.x, p.z, p.baseY, p.topY, p.radiusXM, p.radiusZM, p.rotationY, p.leanX], i * 8));
  a = fnv1a(a, bytesOf(placement));
  b = fnv1a(b, bytesOf(placement));
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The Tianmen world's fingerprint: every mesh it draws at the tier. */
export function hashTianmenGeometry(seed: number, tier: QualityTier): string {
  return fingerprintTianmenGeometry(buildTianmenGeometry(createTianmenWorld(seed), tier));
}

export function fingerprintTianmenGeometry(geometry: TianmenGeometry): string {
  const [a, b] = foldMeshes(listTianmenMeshes(geometry));
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function foldMeshes(meshes: readonly MeshData[]): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const layout = new Uint32Array(1);
  for (const mesh of meshes) {
    for (const array of [mesh.positions, mesh.normals, mesh.colors, mesh.uvs, mesh.indices]) {
      layout[0] = array ? array.length : 0xffffffff;
      a = fnv1a(a, bytesOf(layout));
      b = fnv1a(b, bytesOf(layout));
      if (!array) continue;
      const bytes = bytesOf(array);
      a = fnv1a(a, bytes);
      b = fnv1a(b ^ 0x9e3779b9, bytes);
    }
  }
  return [a, b];
}
