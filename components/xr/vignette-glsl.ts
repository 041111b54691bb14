// The comfort vignette's falloff, one GLSL function for every headset view (the device's three.js
// quad and the cloud sphere's own shader), so both paths close in on a fast turn alike.

/** `vignetteAlpha(ndc, strength)`: how dark (0–1) the point `ndc` (-1..1 across the eye's view) is at a vignette strength. */
export const VIGNETTE_GLSL = /* glsl */ `
float vignetteAlpha(vec2 ndc, float strength) {
  // Fully open near the centre at any strength; the dark edge creeps in as strength grows.
  float inner = mix(1.2, 0.35, strength);
  return strength * smoothstep(inner, inner + 0.45, length(ndc));
}
`;
