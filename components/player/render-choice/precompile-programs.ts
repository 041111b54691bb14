// Shader programs readied a little at a time before a renderer's first frame, so no main-thread
// task holds a whole scene's worth of shader work. three.js would otherwise do it all in one
// task: renderer.compile builds every material's shader source and issues its compile and link
// at once (tens of milliseconds per material on a phone), and the first frame then asks every
// program for its uniforms, each ask waiting for that program's link (tens to hundreds of
// milliseconds under a software GPU such as llvmpipe or SwiftShader).
// Here: one object per task is compiled (only objects bringing a material not seen yet), then
// the links are awaited without blocking (KHR_parallel_shader_compile's completion status,
// polled between tasks), then the programs are asked for their uniforms PROGRAMS_PER_TASK at a
// time, by which point the ask finds the link done.
import { PerspectiveCamera, type Camera, type Material, type Object3D, type Scene, type WebGLRenderer } from 'three';

export const PROGRAMS_PER_TASK = 1;
/** Past this, a program still not reporting its link done is asked anyway (a driver that never says). */
export const LINK_WAIT_MAX_MS = 10_000;
const LINK_POLL_MS = 10;

/** The part of three's WebGLProgram this needs (the first call to getUniforms waits for the link). */
interface LinkedProgram {
  getUniforms(): unknown;
  /** Non-blocking where the browser has KHR_parallel_shader_compile; true at once where it has not. */
  isReady?(): boolean;
}

export interface PrecompileOptions {
  /** The scene whose lights and fog the programs are built for, when `root` is only part of it. */
  targetScene?: Scene;
  /** Programs do not depend on the camera's pose: any perspective camera compiles the same ones. */
  camera?: Camera;
  /** Checked between tasks: false stops (the renderer went away). */
  keepGoing?: () => boolean;
}

function nextTask(delayMs = 0): Promise<void> {
  // A macrotask: the browser may paint and handle input in between.
  return new Promise((resolve) => setTimeout(resolve, delayMs));
}

function materialsOf(object: Object3D): Material[] {
  const material = (object as { material?: Material | Material[] }).material;
  if (material === undefined) return [];
  return Array.isArray(material) ? material : [material];
}

function isDrawable(object: Object3D): boolean {
  const kind = object as { isMesh?: boolean; isPoints?: boolean; isLine?: boolean; isSprite?: boolean };
  return kind.isMesh === true || kind.isPoints === true || kind.isLine === true || kind.isSprite === true;
}

/** What of an object besides its material picks its program (three keys programs on these too). */
function programKindOf(object: Object3D): string {
  const kind = object as {
    isInstancedMesh?: boolean;
    instanceColor?: unknown;
    isBatchedMesh?: boolean;
    isSkinnedMesh?: boolean;
    morphTargetInfluences?: unknown;
  };
  return [
    kind.isInstancedMesh === true,
    kind.isInstancedMesh === true && kind.instanceColor != null,
    kind.isBatchedMesh === true,
    kind.isSkinnedMesh === true,
    kind.morphTargetInfluences !== undefined,
  ].join();
}

/**
 * The objects under `root` worth a compile task each: the first drawable object to bring each
 * (material, kind of object) pair, in scene order. Compiling them one by one builds the programs
 * renderer.compile would build for the whole tree: objects of one kind sharing a material share
 * its program.
 */
export function objectsToCompile(root: Object3D): Object3D[] {
  const seen = new Set<string>();
  const picked: Object3D[] = [];
  root.traverse((object) => {
    if (!isDrawable(object)) return;
    const kind = programKindOf(object);
    const fresh = materialsOf(object).filter((material) => !seen.has(`${material.uuid}|${kind}`));
    if (fresh.length === 0) return;
    for (const material of fresh) seen.add(`${material.uuid}|${kind}`);
    picked.push(object);
  });
  return picked;
}

/** The program three.js made for a material in this renderer, once compiled. */
function programOf(renderer: WebGLRenderer, material: Material): LinkedProgram | null {
  const program = (renderer.properties.get(material) as { currentProgram?: LinkedProgram }).currentProgram;
  return program !== undefined && typeof program.getUniforms === 'function' ? program : null;
}

/**
 * Compiles every program `root` needs, an object per task, and waits for their links without
 * blocking, then has them ready for drawing a few per task. Resolves false when `keepGoing`
 * says stop; a failure to precompile is left to the first frame, which would have met it anyway.
 */
export async function precompilePrograms(
  renderer: WebGLRenderer,
  root: Object3D,
  keepGoingOrOptions: PrecompileOptions | (() => boolean) = {},
): Promise<boolean> {
  const options = typeof keepGoingOrOptions === 'function' ? { keepGoing: keepGoingOrOptions } : keepGoingOrOptions;
  const keepGoing = options.keepGoing ?? (() => true);
  const camera = options.camera ?? new PerspectiveCamera();
  // Each object compiles against the whole scene: its lights and fog are part of the program.
  const targetScene = options.targetScene ?? ((root as Scene).isScene === true ? (root as Scene) : null);
  const materials = new Set<Material>();
  for (const object of objectsToCompile(root)) {
    // Not in the caller's task either: that one mounted the scene.
    await nextTask();
    if (!keepGoing()) return false;
    try {
      for (const material of renderer.compile(object, camera, targetScene)) materials.add(material);
    } catch {
      // Left to the first frame, which reports it as three does.
    }
  }

  const programs: LinkedProgram[] = [];
  for (const material of materials) {
    const program = programOf(renderer, material);
    if (program !== null && !programs.includes(program)) programs.push(program);
  }
  // Links run in the GPU process meanwhile; asking a program for its uniforms before its link is
  // done would block this thread until it is.
  const waitUntilMs = performance.now() + LINK_WAIT_MAX_MS;
  let linking = programs.filter((program) => !isLinked(program));
  while (linking.length > 0 && performance.now() < waitUntilMs) {
    if (!keepGoing()) return false;
    await nextTask(LINK_POLL_MS);
    linking = linking.filter((program) => !isLinked(program));
  }

  let inTask = 0;
  for (const program of programs) {
    if (!keepGoing()) return false;
    try {
      program.getUniforms();
    } catch {
      // A broken program fails the first frame with three's own report: nothing to add here.
    }
    if (++inTask >= PROGRAMS_PER_TASK) {
      inTask = 0;
      await nextTask();
    }
  }
  return keepGoing();
}

function isLinked(program: LinkedProgram): boolean {
  try {
    return program.isReady?.() ?? true;
  } catch {
    return true;
  }
}
