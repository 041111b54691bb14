// A high, thin deck of cloud (altocumulus thinning to cirrus) painted on the cinematic sky, so
// the sky behind the pillars has texture and catches a low sun's warmth instead of being a bare
// gradient. Two fetches of the cloud noise where a view ray meets the deck: cheap, full
// resolution, and drifting with the frame's time like the rest of the cloud.

/** Needs HORIZON_GLSL's uniforms and horizonColour() above it. */
export const SKY_CLOUD_GLSL = /* glsl */ `
uniform sampler2D uNoise;
uniform float uTimeS;
uniform vec3 uSunRadiance;
uniform vec3 uSkyAmbient;

const float SKY_DECK_M = 3400.0;
const vec2 SKY_DECK_WIND_MPS = vec2(6.0, 2.0);

// rgb: the deck's colour; a: its cover in this direction (0 = clear sky).
vec4 skyCloud(vec3 origin, vec3 dir) {
  if (dir.y < 0.01) return vec4(0.0);
  float t = (SKY_DECK_M - origin.y) / dir.y;
  vec2 xz = origin.xz + dir.xz * t - SKY_DECK_WIND_MPS * uTimeS;
  vec2 q = vec2(xz.x * 0.55, xz.y) / 11000.0;
  float n = texture2D(uNoise, q).r * 0.62 + texture2D(uNoise, q * 3.7 + vec2(0.37, 0.71)).r * 0.38;
  float cover = smoothstep(0.53, 0.8, n);
  // Foreshortened near the horizon, where it melts into the haze band.
  cover *= smoothstep(0.02, 0.25, dir.y) * 0.75;
  float mu = max(dot(dir, uSunDirection), 0.0);
  // Thin cloud glows around the sun (forward scattering) and is sky-lit grey-white elsewhere.
  vec3 colour = horizonColour(dir) * 1.12 + uSkyAmbient * 0.6 + uSunRadiance * (0.15 + 0.9 * pow(mu, 6.0));
  // Thicker cores are darker underneath.
  colour *= mix(1.0, 0.9, smoothstep(0.72, 0.95, n));
  return vec4(colour, cover);
}
`;
