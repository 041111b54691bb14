// Shader programs readied a few at a time before a renderer's first frame. three.js links a
// material's program lazily: the first frame asks every program for its uniforms, and each ask
// waits for that program's link (tens of milliseconds under a software GPU such as llvmpipe),
// so the whole scene's links land in one main-thread task of hundreds of milliseconds.
// Here the compile and link commands are issued at once (the GPU process works through them
// between tasks), then the programs are asked for their uniforms in tasks of their own, at most
// PROGRAMS_PER_TASK each, so no task waits on more than that many links.
import { PerspectiveCamera, type Material, type Object3D, type WebGLRenderer } from 'three';

export const PROGRAMS_PER_TASK = 1;

/** The part of three's WebGLProgram this needs (the first call to getUniforms waits for the link). */
interface LinkedProgram {
  getUniforms(): unknown;
}

function nextTask(): Promise<void> {
  // A macrotask: the browser may paint and handle input in between.
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The program three.js made for a material in this renderer, once compiled. */
function programOf(renderer: WebGLRenderer, material: Material): LinkedProgram | null {
  const program = (renderer.properties.get(material) as { currentProgram?: LinkedProgram }).currentProgram;
  return program !== undefined && typeof program.getUniforms === 'function' ? program : null;
}

/**
 * Compiles every program `scene` needs and waits for their links a few per task. Resolves
 * false when `keepGoing` says stop (the renderer went away); a failure to precompile is left
 * to the first frame, which would have met it anyway.
 */
export async function precompilePrograms(renderer: WebGLRenderer, scene: Object3D, keepGoing: () => boolean = () => true): Promise<boolean> {
  let materials: Set<Material>;
  try {
    // Programs do not depend on the camera's pose: any perspective camera compiles the same ones.
    materials = renderer.compile(scene, new PerspectiveCamera());
  } catch {
    return keepGoing();
  }
  // The compile and link commands are on their way to the GPU process: give it a task's time.
  await nextTask();
  let inTask = 0;
  for (const material of materials) {
    if (!keepGoing()) return false;
    const program = programOf(renderer, material);
    if (program === null) continue;
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
