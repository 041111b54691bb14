// Resamples the six face renders (in their atlas) into one equirect frame, the layout of
// scenes/protocol/sphere-mapping.ts. The faces were drawn to the screen as any flat frame is
// (tone mapped, sRGB), so this pass copies display values and converts nothing.
import { ShaderMaterial, Vector2, Vector3, type Texture } from 'three';
import { ATLAS_COLUMNS, ATLAS_ROWS, CUBE_FACES } from './cube-faces';

const vertexShader = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`;

// vUv.y grows upwards on the screen, and the canvas's top row becomes the frame's top row (v = 0).
const fragmentShader = /* glsl */ `
uniform sampler2D atlas;
uniform vec3 faceForward[6];
uniform vec3 faceRight[6];
uniform vec3 faceUp[6];
uniform vec2 faceCell[6];
uniform float halfTexel;
varying vec2 vUv;
const float PI = 3.141592653589793;
void main() {
  float yaw = (0.5 - vUv.x) * 2.0 * PI;
  float pitch = (vUv.y - 0.5) * PI;
  vec3 dir = vec3(-sin(yaw) * cos(pitch), sin(pitch), -cos(yaw) * cos(pitch));
  int best = 0;
  float bestDot = -2.0;
  for (int i = 0; i < 6; i++) {
    float d = dot(dir, faceForward[i]);
    if (d > bestDot) { bestDot = d; best = i; }
  }
  vec2 st = vec2(dot(dir, faceRight[best]), dot(dir, faceUp[best])) / bestDot;
  // Half a texel in from the face's edge, so filtering never reads the neighbouring face in the atlas.
  vec2 inFace = clamp(st * 0.5 + 0.5, vec2(halfTexel), vec2(1.0 - halfTexel));
  vec2 atlasUv = (faceCell[best] + inFace) / vec2(${ATLAS_COLUMNS.toFixed(1)}, ${ATLAS_ROWS.toFixed(1)});
  gl_FragColor = vec4(texture2D(atlas, atlasUv).rgb, 1.0);
}
`;

export function createEquirectMaterial(atlas: Texture, faceSizePx: number): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      atlas: { value: atlas },
      faceForward: { value: CUBE_FACES.map((f) => new Vector3(...f.forward)) },
      faceRight: { value: CUBE_FACES.map((f) => new Vector3(...f.right)) },
      faceUp: { value: CUBE_FACES.map((f) => new Vector3(...f.up)) },
      faceCell: { value: CUBE_FACES.map((f) => new Vector2(f.column, f.row)) },
      halfTexel: { value: 0.5 / faceSizePx },
    },
    depthTest: false,
    depthWrite: false,
    toneMapped: false,
  });
}
