// The six 90° views a sphere frame is drawn from, and how they lie in the atlas the render page
// copies them into: one place, read by the camera that draws each face and by the shader that
// resamples them, so a face is never drawn one way and read another.
import type { Vec3 } from '@/scenes/routes/route-schema';

export interface CubeFace {
  /** Unit direction at the face's centre. */
  forward: Vec3;
  /** The face camera's up: world up for the four side faces. */
  up: Vec3;
  /** forward × up: the face camera's right, so (right, up) are the face's (x, y). */
  right: Vec3;
  /** Column and row of the face in the 3×2 atlas, row 0 at the bottom (GL's order). */
  column: number;
  row: number;
}

function face(forward: Vec3, up: Vec3, index: number): CubeFace {
  const right: Vec3 = [
    forward[1] * up[2] - forward[2] * up[1],
    forward[2] * up[0] - forward[0] * up[2],
    forward[0] * up[1] - forward[1] * up[0],
  ];
  return { forward, up, right, column: index % 3, row: Math.floor(index / 3) };
}

export const CUBE_FACES: readonly CubeFace[] = [
  face([0, 0, -1], [0, 1, 0], 0),
  face([1, 0, 0], [0, 1, 0], 1),
  face([0, 0, 1], [0, 1, 0], 2),
  face([-1, 0, 0], [0, 1, 0], 3),
  face([0, 1, 0], [0, 0, 1], 4),
  face([0, -1, 0], [0, 0, -1], 5),
];

export const ATLAS_COLUMNS = 3;
export const ATLAS_ROWS = 2;

/** A face's edge in pixels for an equirect frame `width` across: as many pixels per degree on the horizon. */
export function faceSizeFor(equirectWidth: number): number {
  return Math.round(equirectWidth / 4);
}
