// The vertex shader of every full-screen pass of our own: postprocessing draws one big triangle
// in clip space, so the position is the clip position and the uv is derived from it. Depth 1.0
// keeps the quad behind everything, which the passes never depth-test against anyway.

export const FULLSCREEN_QUAD_VERTEX_GLSL = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = position.xy * 0.5 + 0.5;
  gl_Position = vec4(position.xy, 1.0, 1.0);
}
`;
