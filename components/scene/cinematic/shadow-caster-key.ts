// What the sun's shadow map depends on besides the light: which meshes cast, and where every
// instance of an instanced one stands. Two frames with the same key and the same light draw the
// same shadow map, so the cinematic tier draws it again only when the key or the light changes:
// the map is a pure function of them, never of the frames before, and a bake resumed mid-route
// draws the same pixels as one that ran from the start.
import { InstancedMesh, Mesh, type Object3D, type Scene } from 'three';

/** FNV-1a over 32-bit words. */
function mix(hash: number, word: number): number {
  return Math.imul(hash ^ word, 0x01000193) >>> 0;
}

function visibleInScene(object: Object3D): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/** A hash of every shadow caster's identity and instances; equal keys mean an identical shadow pass. */
export function shadowCasterKey(scene: Scene): string {
  let hash = 0x811c9dc5;
  let casters = 0;
  scene.traverse((object: Object3D) => {
    if (!(object instanceof Mesh) || !object.castShadow || !visibleInScene(object)) return;
    casters++;
    hash = mix(hash, object.id);
    hash = mix(hash, object.geometry.id);
    // Non-instanced casters are static world meshes: their identity is enough.
    if (!(object instanceof InstancedMesh)) return;
    hash = mix(hash, object.count);
    const matrices = object.instanceMatrix.array as Float32Array;
    const words = new Uint32Array(matrices.buffer, matrices.byteOffset, Math.min(matrices.length, object.count * 16));
    for (let i = 0; i < words.length; i++) hash = mix(hash, words[i]);
  });
  return `${casters}:${hash.toString(16)}`;
}
