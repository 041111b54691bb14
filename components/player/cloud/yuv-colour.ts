// How a decoded video frame's Y, U and V samples become the RGB the canvas shows, by the frame's
// own colour space (the matrix and the range the decoder reports). The sphere view uploads the
// frame's planes as they are and converts per pixel in its shader: handing the browser the whole
// frame to convert cost about a tenth of a second of the GPU process per 2k sphere frame on this
// machine's software GL, and starved every animation frame meanwhile. Pure, so it is tested.

/** What VideoFrame.colorSpace says that matters here (null fields: the decoder did not say). */
export interface FrameColour {
  matrix?: string | null;
  fullRange?: boolean | null;
}

/** rgb = matrix · (y, u, v) + offset, the samples as the shader reads them (0–1); matrix column-major, as uniformMatrix3fv takes it. */
export interface YuvToRgb {
  matrix: Float32Array;
  offset: Float32Array;
}

/** Luma weights (Kr, Kb) per matrix; unspecified reads as BT.601, as browsers treat VP8 (its bitstream names none). */
const LUMA_WEIGHTS: Record<string, [number, number]> = {
  bt709: [0.2126, 0.0722],
  bt470bg: [0.299, 0.114],
  smpte170m: [0.299, 0.114],
  'bt2020-ncl': [0.2627, 0.0593],
};

export function yuvToRgb(colour: FrameColour | null | undefined): YuvToRgb {
  const [kr, kb] = LUMA_WEIGHTS[colour?.matrix ?? ''] ?? LUMA_WEIGHTS.smpte170m;
  const kg = 1 - kr - kb;
  // Limited ("TV") range: luma 16–235, chroma 16–240 out of 255; full range uses all of it.
  const full = colour?.fullRange === true;
  const yScale = full ? 1 : 255 / 219;
  const cScale = full ? 1 : 255 / 224;
  const yOffset = full ? 0 : -16 / 219;
  const cOffset = -128 / 255;
  // Per unit of (centred) chroma: R = y + 2(1-Kr)·v, B = y + 2(1-Kb)·u, G = y - (2Kb(1-Kb)·u + 2Kr(1-Kr)·v) / Kg.
  const rv = 2 * (1 - kr);
  const bu = 2 * (1 - kb);
  const gu = (-2 * kb * (1 - kb)) / kg;
  const gv = (-2 * kr * (1 - kr)) / kg;
  // Columns: what y, u and v each add to (r, g, b).
  const matrix = new Float32Array([yScale, yScale, yScale, 0, gu * cScale, bu * cScale, rv * cScale, gv * cScale, 0]);
  const u0 = cOffset * cScale;
  const offset = new Float32Array([yOffset + rv * u0, yOffset + (gu + gv) * u0, yOffset + bu * u0]);
  return { matrix, offset };
}
