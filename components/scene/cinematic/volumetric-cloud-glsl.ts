// The raymarcher's GLSL: the cloud sea and the mist as a density field in metres above sea
// level, shaped by the same drifting noise as the flat layers of the device tiers (so their
// gaps and billows lie where the stream's do), carved in 3D by a baked noise cube.
import { HAZE_LAW_GLSL } from '../atmosphere/haze-law-glsl';
import { HORIZON_GLSL } from '../atmosphere/horizon-glsl';

export const VOLUMETRIC_CLOUD_GLSL = /* glsl */ `
uniform sampler2D uNoise;
uniform sampler3D uVolume;
uniform sampler2DShadow uSunShadow;
uniform mat4 uSunShadowMatrix;
uniform float uSunShadowOn;
uniform float uTimeS;
uniform float uDitherSeed;
// The sea's body: floor, core and top heights (m); density per metre below the floor and in the body.
uniform vec3 uSeaBand;
uniform vec2 uSeaDensity;
// Noise of the sea: tile (m), stretch along the wind, threshold at the bottom and at the top of the sea.
uniform vec4 uSeaShape;
uniform vec2 uSeaWind;
uniform vec2 uSeaOffset;
// The mist band: base, peak and top heights (m), density per metre in its patches.
uniform vec4 uMistBand;
uniform vec3 uMistShape;
uniform vec2 uMistWind;
uniform vec2 uMistOffset;
uniform vec3 uSunRadiance;
uniform vec3 uSkyAmbient;
uniform vec3 uGroundAmbient;
uniform float uFogDensity;
uniform float uMaxMarchM;
// Cloud through a landmark (scene-atmosphere.ts's MistPlume): centre (m) and density per metre
// (0: the scene has none), half size (m), wind (m/s).
uniform vec4 uPlume;
uniform vec3 uPlumeHalf;
uniform vec3 uPlumeWind;
${HORIZON_GLSL}
${HAZE_LAW_GLSL}

float driftedNoise(vec2 xz, vec2 wind, float tileM, float stretch, vec2 offset, int octaves) {
  vec2 windDir = normalize(wind + vec2(1e-6, 0.0));
  vec2 across = vec2(-windDir.y, windDir.x);
  vec2 drifted = xz - wind * uTimeS;
  vec2 q = vec2(dot(drifted, windDir) / stretch, dot(drifted, across)) / tileM;
  float n = texture(uNoise, q + offset).r;
  vec2 churn = windDir * uTimeS * 0.6 / tileM;
  vec2 p = mat2(0.8, -0.6, 0.6, 0.8) * q * 2.7 + offset.yx + churn;
  float amplitude = 0.5;
  float detail = 0.0;
  for (int i = 1; i < 3; i++) {
    if (i >= octaves) break;
    detail += (texture(uNoise, p).r - 0.5) * amplitude;
    p = mat2(0.8, -0.6, 0.6, 0.8) * p * 2.3 + churn * 0.7;
    amplitude *= 0.5;
  }
  return n + detail * 1.1;
}

// The sea's height profile, 0 to 1: rising from its floor to its core, thinning to its top.
float seaProfile(float y) {
  if (y >= uSeaBand.y) return clamp((uSeaBand.z - y) / (uSeaBand.z - uSeaBand.y), 0.0, 1.0);
  return clamp((y - uSeaBand.x) / (uSeaBand.y - uSeaBand.x), 0.0, 1.0);
}

float mistProfile(float y) {
  float rising = clamp((y - uMistBand.x) / (uMistBand.y - uMistBand.x), 0.0, 1.0);
  float falling = clamp((uMistBand.z - y) / (uMistBand.z - uMistBand.y), 0.0, 1.0);
  return min(rising, falling);
}

// The plume's density: thin sheets of cloud, long along the wind and a few metres thick, torn by
// the drifting noise cube at two scales (the finer one only for the view ray). The body fades to
// nothing well inside the box's faces, so no face of the box shows; round billows at one scale
// laid a single white blob over the gate.
float plumeDensity(vec3 p, int octaves) {
  if (uPlume.w <= 0.0) return 0.0;
  vec3 d = abs(p - uPlume.xyz) / uPlumeHalf;
  if (max(d.x, max(d.y, d.z)) >= 1.0) return 0.0;
  float body = (1.0 - smoothstep(0.15, 0.9, d.x)) * (1.0 - smoothstep(0.2, 0.9, d.y)) * (1.0 - smoothstep(0.15, 0.9, d.z));
  vec3 q = (p - uPlumeWind * uTimeS) / vec3(80.0, 10.0, 130.0);
  float n = texture(uVolume, q).r;
  if (octaves > 1) n = n * 0.65 + texture(uVolume, q * vec3(3.1, 1.7, 2.3) + 0.31).r * 0.35;
  return uPlume.w * body * smoothstep(0.56 - 0.06 * body, 0.76, n);
}

// The mist's share left at the point being marched: the air the camera flies through is clear
// for a few hundred metres ahead of it (a route's subject stands that close). Mist torn into
// patches tens of metres across put a veil straight in front of the camera, over the pillar the
// route looks at; a photographer shoots through a gap. Mist between the farther ranks stays.
// The cloud sea and the plume through a landmark stay whole, the route flies into them.
float mistNearShare = 1.0;

// Cloud density per metre at a point; octaves: 2 for the view ray, 1 for the cheap sun ray.
float cloudDensity(vec3 p, int octaves) {
  float density = plumeDensity(p, octaves);
  density += p.y < uSeaBand.x ? uSeaDensity.x : 0.0;
  float sea = seaProfile(p.y);
  if (sea > 0.0) {
    float n = driftedNoise(p.xz, uSeaWind, uSeaShape.x, uSeaShape.y, uSeaOffset, octaves);
    // Billows: the cube of noise rolls the sea's surface in 3D, drifting with it.
    vec3 q = (p - vec3(uSeaWind.x, 0.0, uSeaWind.y) * uTimeS) / 260.0;
    n += (texture(uVolume, q).r - 0.5) * 0.32;
    // Higher in the sea only the thickest cores remain: the tops are billows, not a lid.
    float h = clamp((p.y - uSeaBand.x) / (uSeaBand.z - uSeaBand.x), 0.0, 1.0);
    float threshold = mix(uSeaShape.z, uSeaShape.w, h);
    density += uSeaDensity.y * sea * smoothstep(threshold - 0.1, threshold + 0.1, n);
  }
  float mist = mistProfile(p.y);
  if (mist > 0.0) {
    float n = driftedNoise(p.xz, uMistWind, uMistShape.x, uMistShape.y, uMistOffset, 1);
    vec3 q = (p - vec3(uMistWind.x, 0.0, uMistWind.y) * uTimeS) / vec3(420.0, 90.0, 420.0);
    n += (texture(uVolume, q).r - 0.5) * 0.4;
    // A trace of haze everywhere and torn streaks within it: layers with gaps, not a milk.
    density += mistNearShare * uMistBand.w * mist * (0.05 + smoothstep(uMistShape.z - 0.08, uMistShape.z + 0.1, n));
  }
  return density;
}

float sunShadow(vec3 p) {
  if (uSunShadowOn < 0.5) return 1.0;
  vec4 s = uSunShadowMatrix * vec4(p, 1.0);
  if (any(lessThan(s.xyz, vec3(0.0))) || any(greaterThan(s.xyz, vec3(1.0)))) return 1.0;
  return texture(uSunShadow, s.xyz);
}

// Henyey-Greenstein, scaled so isotropic scattering is 1.
float phase(float mu, float g) {
  float g2 = g * g;
  return (1.0 - g2) / pow(1.0 + g2 - 2.0 * g * mu, 1.5);
}

// Interleaved gradient noise: a per-pixel start offset that differs per sub-frame, so the
// averaged sub-frames see every step length's worth of the ray.
float ditherAt(vec2 pixel) {
  return fract(52.9829189 * fract(dot(pixel, vec2(0.06711056, 0.00583715))) + uDitherSeed * 0.61803399);
}

float hazeAt(float distanceM) {
  return 1.0 - exp(-hazeOpticalDepth(uFogDensity, distanceM));
}

// The slab the cloud lives in, from the valley haze under the sea to the top of the mist.
vec2 slabInterval(vec3 origin, vec3 dir, float bottomM, float topM, float farM) {
  if (abs(dir.y) < 1e-5) {
    return (origin.y >= bottomM && origin.y <= topM) ? vec2(0.0, farM) : vec2(1.0, 0.0);
  }
  float t0 = (bottomM - origin.y) / dir.y;
  float t1 = (topM - origin.y) / dir.y;
  vec2 t = vec2(max(min(t0, t1), 0.0), min(max(t0, t1), farM));
  return t;
}

// Where a ray crosses the plume's box, no farther than farM.
vec2 plumeInterval(vec3 origin, vec3 dir, float farM) {
  if (uPlume.w <= 0.0) return vec2(1.0, 0.0);
  vec3 perM = 1.0 / (dir + vec3(1e-7));
  vec3 a = (uPlume.xyz - uPlumeHalf - origin) * perM;
  vec3 b = (uPlume.xyz + uPlumeHalf - origin) * perM;
  vec3 near = min(a, b);
  vec3 far = max(a, b);
  return vec2(max(max(near.x, near.y), max(near.z, 0.0)), min(min(far.x, far.y), min(far.z, farM)));
}

// Marches the ray over span (metres along it); the slab's heights only set how the ambient light
// mixes from ground to sky.
vec4 marchCloud(vec3 origin, vec3 dir, vec2 span, vec2 pixel, int steps, int sunSteps, float slabBottomM, float slabTopM) {
  if (span.y <= span.x) return vec4(0.0, 0.0, 0.0, 1.0);
  float stepM = (span.y - span.x) / float(steps);
  float t = span.x + stepM * ditherAt(pixel);
  float transmittance = 1.0;
  vec3 light = vec3(0.0);
  float mu = dot(dir, uSunDirection);
  float sunPhase = mix(phase(mu, 0.55), phase(mu, -0.15), 0.35);
  float sunStepM = 45.0;
  for (int i = 0; i < 64; i++) {
    if (i >= steps || transmittance < 0.02) break;
    vec3 p = origin + dir * t;
    mistNearShare = smoothstep(120.0, 550.0, t);
    float density = cloudDensity(p, 2);
    if (density > 1e-5) {
      // Optical depth towards the sun, a few growing steps: the cloud's own shadow. The trace of
      // haze between mist patches is too thin to shade itself: it skips them, and since most of a
      // ray between the ranks is such trace, that keeps a clear frame as cheap as a milky one.
      float toSun = 0.0;
      float along = sunStepM * 0.5;
      int selfShadowSteps = density < uMistBand.w * 0.1 ? 0 : sunSteps;
      for (int k = 0; k < 6; k++) {
        if (k >= selfShadowSteps) break;
        toSun += cloudDensity(p + uSunDirection * along, 1) * sunStepM * float(k + 1);
        along += sunStepM * float(k + 2);
      }
      float sunTransmittance = exp(-toSun) * sunShadow(p);
      // Powder: the sunlit edge of a cloud is darker than its body just inside.
      float powder = 1.0 - exp(-density * 60.0);
      float heightInBand = clamp((p.y - slabBottomM) / (slabTopM - slabBottomM), 0.0, 1.0);
      vec3 ambient = mix(uGroundAmbient, uSkyAmbient, heightInBand);
      vec3 scattered = uSunRadiance * sunTransmittance * sunPhase * mix(0.6, 1.0, powder) + ambient;
      // Distant cloud fades into the horizon's haze like everything else.
      scattered = mix(scattered, horizonColour(dir), hazeAt(t));
      float extinction = exp(-density * stepM);
      light += transmittance * (1.0 - extinction) * scattered;
      transmittance *= extinction;
    }
    t += stepM;
  }
  return vec4(light, transmittance);
}
`;
