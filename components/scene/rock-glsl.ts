// The sandstone's shader chunks for the rock material (and the terrain's cliffs, which call
// rockDetail): flutes, joints, streaks, beds and grain, and the ledge growth the vertex colours
// stand for turned into clumps per pixel. GLSL strings only; world-materials.ts wires them in.

/** The sandstone's detail as a colour multiplier, fading to none with distance. */
export const ROCK_DETAIL_GLSL = /* glsl */ `
/**
 * Flutes in metres: rounded ribs a few metres apart split by narrow grooves, each running straight
 * down tens of metres, the vertical structure that dominates a near quartz-sandstone face.
 */
float rockFluteHeight(vec3 p) {
  float ribs = detailNoise(vec3(p.x * 0.22, p.y * 0.009, p.z * 0.22));
  float fine = detailNoise(vec3(p.x * 0.9 + 5.1, p.y * 0.03, p.z * 0.9));
  // Grooves where the noise crosses its middle: narrow and deep, the ribs broad and rounded.
  float groove = 1.0 - smoothstep(0.0, 0.16, abs(ribs - 0.5));
  return 1.6 * (1.0 - groove) + 0.35 * fine;
}
vec3 rockDetail(vec3 p, float viewDistanceM) {
  float fade = 1.0 - smoothstep(500.0, 2200.0, viewDistanceM);
  float grain = detailNoise(p * 0.4) * 0.5 + detailNoise(p * 1.7) * 0.5;
  // Height warped by slow noise: beds from about one to eight metres thick, gently undulating.
  float warped = p.y / 3.1 + detailNoise(vec3(p.x * 0.02, p.y * 0.05, p.z * 0.02)) * 4.0
    + detailNoise(vec3(p.x * 0.08, p.y * 0.01, p.z * 0.08)) * 0.8;
  float strata = fract(warped);
  // Each bed's parting shows only in patches of its own, so the lines break and overlap; only a
  // faint step: drawn darker, the beds ruled near shafts into the rings of a banded tube.
  float bedPatch = smoothstep(0.5, 0.72, detailNoise(vec3(p.x * 0.06, floor(warped) * 0.37, p.z * 0.06)));
  float parting = 1.0 - smoothstep(0.0, 0.07, strata) * smoothstep(1.0, 0.9, strata);
  float bed = 1.0 - 0.1 * parting * bedPatch;
  // Vertical joints: dark clefts where slow noise, stretched along the height, crosses its middle.
  float jointNoise = detailNoise(vec3(p.x * 0.06 + p.y * 0.002, p.y * 0.003, p.z * 0.06));
  float jointMask = smoothstep(0.3, 0.55, detailNoise(vec3(p.x * 0.011, p.y * 0.012, p.z * 0.011)));
  // A joint is a close-up detail: from a few hundred metres its line, a pixel wide and wandering,
  // drew dark squiggles across the Tianmen wall like a circuit board.
  float jointFade = 1.0 - smoothstep(150.0, 420.0, viewDistanceM);
  float joint = smoothstep(0.05, 0.0, abs(jointNoise - 0.5)) * jointMask * jointFade;
  // Water streaks: grey-black, long, narrow and straight down the face.
  float streak = smoothstep(0.52, 0.8, detailNoise(vec3(p.x * 0.12, p.y * 0.0025, p.z * 0.12)))
    * (0.6 + 0.4 * detailNoise(vec3(p.x * 0.3, p.y * 0.02, p.z * 0.3)));
  // Slabs between joints each weather to their own grey or buff-grey, holding down tens of metres.
  float slab = detailNoise(vec3(p.x * 0.035 + 2.3, p.y * 0.004, p.z * 0.035));
  // Ochre only in places, and lichen-pale patches on the drier faces.
  float ochre = smoothstep(0.6, 0.85, detailNoise(vec3(p.x * 0.012, p.y * 0.03, p.z * 0.012)));
  float lichen = smoothstep(0.62, 0.8, detailNoise(vec3(p.x * 0.09 + 9.1, p.y * 0.05, p.z * 0.09)));
  // Flute grooves hold shadow and damp: dark in the colour as well as in the bent normal.
  float grooveShade = mix(1.0, 0.62 + 0.38 * smoothstep(0.2, 1.4, rockFluteHeight(p)), 1.0 - smoothstep(250.0, 700.0, viewDistanceM));
  float shade = (0.84 + 0.26 * grain) * bed * (1.0 - 0.7 * joint) * (1.0 - 0.6 * streak) * grooveShade;
  vec3 tone = mix(vec3(0.95, 0.97, 1.0), vec3(1.04, 1.01, 0.96), slab);
  tone = mix(tone, vec3(1.05, 0.98, 0.88), ochre);
  tone = mix(tone, vec3(1.14, 1.15, 1.14), lichen * (1.0 - streak));
  return mix(vec3(1.0), tone, fade) * mix(1.0, shade, fade);
}
`;

/** Dark, greyish moss: what the rock's painted green turns to up close, beside the real pines. */
const ROCK_MOSS = 'vec3(0.045, 0.062, 0.03)';

/**
 * Sandstone up close: beds of uneven thickness showing in broken patches, sparse wavering
 * joints, dark water streaks and grain. Nothing repeats at a fixed spacing, so no grid shows.
 */
export const ROCK_DETAIL_FRAGMENT = /* glsl */ `
#include <color_fragment>
float rockFluteFade = 1.0 - smoothstep(120.0, 420.0, length(vViewPosition));
float rockFluteH = rockFluteHeight(vDetailWorld);
{
  // The pillars' vertex colours carry their ledge and cap vegetation. Interpolated between
  // vertices metres apart, a patch of it is a soft-edged square of olive: up close, rows of blurry
  // green squares on a wall. Per pixel, the share of leaves a vertex colour stands for is turned
  // into clumps a metre or two across with ragged edges: leaves or rock, not a mix of both.
  // Far off, where a clump is under a pixel, the mixture is what the eye sees anyway.
  vec3 p = vDetailWorld;
  float viewDistanceM = length(vViewPosition);
  float near = 1.0 - smoothstep(200.0, 600.0, viewDistanceM);
  float cover = smoothstep(1.0, 1.7, vColor.g / max(vColor.r, 1e-3));
  // Three scales: the coarsest, taller than wide so growth hangs, wanders a clump's edge across a
  // whole quad of the mesh; the edge roams the whole ramp between a green vertex and a bare one,
  // and inside a patch the same noise opens gaps, so a fully green quad is never a filled square.
  float clumps = detailNoise(p * vec3(0.16, 0.075, 0.16)) * 0.5 + detailNoise(p * 0.55 + 3.3) * 0.3 + detailNoise(p * 1.8 + 7.1) * 0.2;
  float tear = (clumps - 0.5) * 4.0 * smoothstep(0.02, 0.3, cover);
  // Plants hold on where soil lodges: on a bed's tread and hanging a few metres below it, and in
  // the flute grooves. Across a bare rib between them there is none, so a patch the vertex colours
  // paint as one square breaks into hanging stands along ledges and green down the clefts.
  // Ledges that hold soil are the thicker beds' treads, a few in a run: with every thin bed
  // planted, the green ran across a wall in rungs.
  float ledgeCoord = p.y / 8.0 + detailNoise(vec3(p.x * 0.02, p.y * 0.02, p.z * 0.02)) * 2.5;
  float ledgeIndex = floor(ledgeCoord);
  float underLedge = 1.0 - fract(ledgeCoord);
  float hangM = 0.15 + 0.5 * detailNoise(vec3(p.x * 0.25, ledgeIndex * 0.7, p.z * 0.25));
  float plantedLedge = smoothstep(0.45, 0.65, detailNoise(vec3(p.x * 0.045 + 1.3, ledgeIndex * 0.53, p.z * 0.045)));
  float ledgeHold = (1.0 - smoothstep(hangM * 0.5, hangM, underLedge)) * plantedLedge;
  float grooveHold = 1.0 - smoothstep(0.35, 0.9, rockFluteH);
  float hold = max(ledgeHold, grooveHold);
  float held = (cover + tear) * mix(1.0, 0.45 + 0.8 * hold, near);
  // Up close the green is moss and grass in the grooves and on the treads, dark and thin: the
  // clinging pines (ledge-pines.ts) are the shaft's plants now, and a bright clump painted on the
  // stone beside them read as paint.
  float leafMask = mix(smoothstep(0.15, 0.5, cover), smoothstep(0.5, 0.72, held), near);
  // Between clumps the rock is damp, stained stone, a little darker than the bare rock round it: the
  // olive mixture of the vertex colour turned grey, lifted most of the way to a sandstone grey (at its
  // own brightness alone, now that most of a patch is bare rock, each patch was a dark ghost square;
  // a fixed grey alone drew a pale halo round every clump on a dark wall).
  float mixedLuminance = dot(diffuseColor.rgb, vec3(0.3, 0.59, 0.11));
  vec3 dampRock = mix(vec3(mixedLuminance * 0.95), vec3(0.17, 0.167, 0.158), 0.8);
  vec3 rockColour = mix(diffuseColor.rgb, dampRock, smoothstep(0.0, 0.25, cover) * near);
  vec3 leafColour = mix(vec3(0.02, 0.058, 0.01), diffuseColor.rgb, max(smoothstep(0.75, 1.0, cover), 1.0 - near));
  leafColour = mix(leafColour, ${ROCK_MOSS}, 0.4 * near);
  // A clump is darker at its edges, where leaves thin over their own shadow and the damp rock.
  float leafEdge = mix(1.0, 0.55 + 0.45 * smoothstep(0.6, 0.85, held), near);
  float leaves = (0.55 + 0.8 * detailNoise(p * 0.9 + 1.7)) * leafEdge;
  diffuseColor.rgb = mix(rockColour * rockDetail(p, viewDistanceM), leafColour * leaves, leafMask);
  // Leaves do not take the rock's flutes.
  rockFluteFade *= 1.0 - leafMask;
}
`;

/**
 * The phone's rock: its meshes are too coarse around the section for flutes or clefts, and its
 * vertex colours interpolate a ledge's green into soft squares. Two noise lookups a pixel, near
 * faces only: flute grooves and grey-black streaks darken the rock down the face, and a green patch
 * keeps its leaves only in the grooves and streaks (where water and soil run), damp rock between.
 */
export const PHONE_ROCK_FRAGMENT = /* glsl */ `
#include <color_fragment>
{
  float viewDistanceM = length(vViewPosition);
  float near = 1.0 - smoothstep(180.0, 480.0, viewDistanceM);
  if (near > 0.0) {
    vec3 p = vDetailWorld;
    float ribs = detailNoise(vec3(p.x * 0.22, p.y * 0.009, p.z * 0.22));
    float groove = 1.0 - smoothstep(0.0, 0.16, abs(ribs - 0.5));
    float wet = detailNoise(vec3(p.x * 0.12, p.y * 0.0025, p.z * 0.12));
    float streak = smoothstep(0.52, 0.8, wet);
    float cover = smoothstep(1.0, 1.7, vColor.g / max(vColor.r, 1e-3));
    float hold = max(groove, smoothstep(0.45, 0.7, wet));
    // Moss in the grooves up close, not bright paint (see ROCK_DETAIL_FRAGMENT).
    float leafMask = mix(smoothstep(0.15, 0.5, cover), smoothstep(0.55, 0.72, cover * (0.35 + 0.9 * hold)), near);
    float mixedLuminance = dot(diffuseColor.rgb, vec3(0.3, 0.59, 0.11));
    vec3 dampRock = mix(vec3(mixedLuminance * 0.95), vec3(0.17, 0.167, 0.158), 0.8);
    vec3 rock = mix(diffuseColor.rgb, dampRock, smoothstep(0.0, 0.25, cover) * near);
    rock *= mix(1.0, (1.0 - 0.35 * groove) * (1.0 - 0.5 * streak), near);
    // A clump is darker at its edges, where leaves thin over the damp rock.
    vec3 leaves = diffuseColor.rgb * mix(1.0, 0.6 + 0.4 * smoothstep(0.6, 0.9, cover * (0.35 + 0.9 * hold)), near);
    leaves = mix(leaves, ${ROCK_MOSS}, 0.4 * near);
    diffuseColor.rgb = mix(rock, leaves, leafMask);
  }
}
`;

/** The flutes bend the normal, so each rib catches the sun on one side and its groove falls into shade. */
export const ROCK_NORMAL_FRAGMENT = /* glsl */ `
#include <normal_fragment_maps>
{
  vec3 dpx = dFdx(vDetailWorld);
  vec3 dpy = dFdy(vDetailWorld);
  vec2 slope = vec2(dFdx(rockFluteH) / max(length(dpx), 1e-4), dFdy(rockFluteH) / max(length(dpy), 1e-4));
  // At grazing angles a pixel spans metres of face and the derivatives step in 2×2 blocks: ease off there.
  float facing = smoothstep(0.1, 0.45, abs(dot(normal, normalize(vViewPosition))));
  slope = clamp(slope * rockFluteFade * facing * 0.8, -1.5, 1.5);
  normal = slopeBumpedNormal(normal, slope, faceDirection, vViewPosition);
}
`;
