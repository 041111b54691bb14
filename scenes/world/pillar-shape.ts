// The shape of a sandstone pillar in unit space (radius ≤ 1, height 0..1): a squarish
// section that narrows and bulges with height, cut by vertical joints and bedding notches.
// The mesh builder and the clearance field read the same functions, so they agree.
import { clamp, deriveSeed, fbm3, smoothstep, valueNoise2, valueNoise3 } from './random';

export interface PillarShapeSpec {
  /** Superellipse exponent of the cross-section: 2 is round, 4–6 is squarish. */
  squareness: number;
  /** How much narrower the top is than the base (fraction). */
  taper: number;
  /** Extra width at the foot, a talus-like flare (fraction). */
  footFlare: number;
  /** Bulges (positive amp) and waists (negative amp) along the height. */
  bulges: ReadonlyArray<{ yN: number; amp: number; widthN: number }>;
  /** Vertical joint cracks around the section. */
  crackCount: number;
  crackDepth: number;
  /** Horizontal bedding notches over the height. */
  beddingCount: number;
  beddingDepth: number;
  /**
   * How far a bed may sit back from its neighbours (fraction of radius): beds stand out or in by
   * their own amounts, so a face steps like stacked blocks, with treads that hold pines and
   * overhangs in shadow, and the silhouette is notched instead of lathe-smooth.
   */
  bedRelief: number;
  /** Amplitude of the lumpy surface noise (fraction of radius). */
  roughness: number;
  /** Salt for this shape's noise. */
  salt: number;
}

export interface PillarShape {
  spec: PillarShapeSpec;
  /** Fraction of the bounding radius at height yN, before section and detail (≤ 1, max exactly 1). */
  profileAt(yN: number): number;
  /** Conservative envelope: the largest radius anywhere in the band around yN (≤ 1). */
  envelopeAt(yN: number): number;
  /**
   * Radius at angle theta and height yN, as a fraction of the bounding radius (≤ 1). A mesh
   * that samples the surface coarsely passes its sample spacing so joints and beds it
   * cannot resolve are smoothed out instead of aliasing into a regular grid.
   */
  radiusAt(theta: number, yN: number, sampling?: CarvingSampling): number;
  /** Depth of carving at this point in [0, 1]: joints and notches, for darkening in colour. */
  carvingAt(theta: number, yN: number, sampling?: CarvingSampling): number;
  /**
   * Depth of the flute grooves at a point in [0, 1]: narrow vertical grooves between rounded ribs,
   * zero where `sampling` is too coarse around the section to draw them.
   */
  fluteAt(theta: number, yN: number, sampling?: CarvingSampling): number;
  /** Where the nearest bedding ledge above lies: 0 just under it, rising to 1 one bed lower; drives water streaks. */
  belowLedgeAt(theta: number, yN: number): number;
  /** Bed coordinate at a point: its integer part names the bed, so each bed can carry its own tone. */
  bedPhaseAt(theta: number, yN: number): number;
}

/** Spacing of the samples a mesh takes: radians around the section, height fraction between rings. */
export interface CarvingSampling {
  thetaStep: number;
  yStep: number;
}

const PROFILE_SAMPLES = 256;
/** How deep a flute groove cuts, as a fraction of the radius: a metre or two on a 40 m pillar. */
const FLUTE_DEPTH = 0.045;
/**
 * Vertex spacing around the section (radians) at which the grooves are fully drawn, and beyond
 * which they are left out: a groove is about a tenth of a radian wide, and a coarser mesh would
 * hit or miss it at random.
 */
const FLUTE_RESOLVED_STEP = 0.07;
const FLUTE_UNRESOLVED_STEP = 0.125;

/**
 * Where the flat sides of a section of this squareness stand, as a fraction of the bounding
 * radius: the section's corners touch the bounding circle, its sides stand this far out.
 * Lumps and joints only cut inward, so no rock reaches past it.
 */
export function sectionFaceFraction(squareness: number): number {
  return 1 / (Math.SQRT2 * 2 ** (-1 / squareness));
}

export function createPillarShape(spec: PillarShapeSpec, seed: number): PillarShape {
  const salt = deriveSeed(seed, `pillar-shape-${spec.salt}`);
  // Set-backs: where a thick bed has fallen away the pillar steps in, so the taper comes in
  // tiers rather than as one smooth cone.
  const setbacks = [0, 1, 2].map((k) => ({
    yN: 0.25 + 0.6 * valueNoise2(k * 4.1 + 0.3, 2.2, salt + 31),
    drop: 0.03 + 0.07 * valueNoise2(k * 1.3 + 0.7, 6.6, salt + 33),
  }));
  const rawProfile = (yN: number): number => {
    let p = 1 - spec.taper * yN + spec.footFlare * (1 - yN) ** 6;
    for (const b of spec.bulges) p += b.amp * Math.exp(-(((yN - b.yN) / b.widthN) ** 2));
    for (const step of setbacks) p -= step.drop * smoothstep(step.yN - 0.02, step.yN + 0.02, yN);
    // Wander in width keeps every archetype from looking lathe-turned: pillars swell and narrow.
    p *= 0.88 + 0.24 * valueNoise2(yN * 5, 0.5, salt);
    return p;
  };
  let maxProfile = 0;
  const table = new Float64Array(PROFILE_SAMPLES + 1);
  for (let i = 0; i <= PROFILE_SAMPLES; i++) {
    table[i] = rawProfile(i / PROFILE_SAMPLES);
    maxProfile = Math.max(maxProfile, table[i]);
  }
  // The analytic profile between table samples can only exceed them slightly; a small margin keeps the envelope safe.
  const envelope = new Float64Array(PROFILE_SAMPLES + 1);
  for (let i = 0; i <= PROFILE_SAMPLES; i++) {
    const lo = table[Math.max(0, i - 1)];
    const hi = table[Math.min(PROFILE_SAMPLES, i + 1)];
    envelope[i] = Math.min(1, (Math.max(lo, table[i], hi) / maxProfile) * 1.01);
  }

  const n = spec.squareness;
  const sectionNorm = 1 / sectionFaceFraction(n);
  // Joints open where the rock happened to crack, not at even angles: uneven gaps around the section.
  const crackAngles: number[] = [];
  const crackDepths: number[] = [];
  const gaps = Array.from({ length: spec.crackCount }, (_, c) => 0.25 + valueNoise2(c * 3.1 + 0.4, 1.7, salt + 5) ** 2 * 2);
  const gapTotal = gaps.reduce((sum, g) => sum + g, 0);
  const crackOffset = valueNoise2(0.3, 8.1, salt + 6) * Math.PI * 2;
  let cumulative = 0;
  for (let c = 0; c < spec.crackCount; c++) {
    cumulative += gaps[c];
    crackAngles.push(crackOffset + (cumulative / gapTotal) * Math.PI * 2);
    crackDepths.push(spec.crackDepth * (0.35 + 0.9 * valueNoise2(c * 2.3, 4.1, salt + 9)));
  }
  const crackWidth = 0.05;
  // Fluting: quartz sandstone weathers along its vertical joints into rounded ribs split by narrow
  // grooves, which is what a near face shows most (the beds are only faint steps). Noise on a circle
  // (no seam at theta = 0) stretched along the height, so each groove runs straight down for tens of
  // metres before it wanders or closes.
  const fluteCircle = 2.4 + 1.2 * valueNoise2(1.9, 3.3, salt + 51);
  // Wide enough that a parting is a soft groove, not a sharp notch whose underside renders as a black dash.
  const bedSigma = 0.12;

  /**
   * Bed index as a continuous phase: the height is warped by slow noise so beds run from thin
   * to thick, and undulate a little around the section.
   */
  function bedPhaseAt(theta: number, yN: number): number {
    const n = spec.beddingCount;
    return (
      n * yN +
      1.5 * valueNoise2(yN * n * 0.3, 0.5, salt + 15) +
      0.35 * valueNoise2(Math.cos(theta) * 0.9 + 3, Math.sin(theta) * 0.9 + yN * 2, salt + 17)
    );
  }

  /**
   * Joint crack depth (fraction of radius), how dark the joint's shadow is in [0, 1] (not thinned
   * with a coarse mesh: a joint a mesh cannot carve still shows as a dark cleft in its colour),
   * and bedding notch strength in [0, 1] at a point.
   */
  /**
   * How far bed `k` sits back at this bearing, in [0, 1]: slow around the section (a bed is a
   * block, not a ring) and patchy, so most beds sit flush and some step well back.
   */
  function bedSetBack(k: number, theta: number): number {
    const around = valueNoise2(Math.cos(theta) * 0.8 + k * 3.1, Math.sin(theta) * 0.8 + k * 1.7, salt + 41);
    return smoothstep(0.3, 0.75, around);
  }

  /** Set-back of the beds at a point: each bed its own, blended only across the parting between two beds. */
  function bedReliefAt(theta: number, bedPhase: number, phaseStep: number): number {
    // Beds thinner than the mesh's ring spacing would alias into random rings: fade them out.
    const resolved = clamp((1 - phaseStep) / 0.5, 0, 1);
    if (resolved === 0 || spec.bedRelief === 0) return 0;
    const k = Math.round(bedPhase);
    const w = Math.max(0.07, phaseStep * 0.6);
    const t = smoothstep(-w, w, bedPhase - k);
    return resolved * (bedSetBack(k - 1, theta) * (1 - t) + bedSetBack(k, theta) * t);
  }

  /** Depth of the flute grooves in [0, 1] at a point, faded where the mesh's spacing around the section cannot draw them. */
  function fluteAt(theta: number, yN: number, sampling?: CarvingSampling): number {
    const resolved = sampling ? smoothstep(FLUTE_UNRESOLVED_STEP, FLUTE_RESOLVED_STEP, sampling.thetaStep) : 1;
    if (resolved === 0) return 0;
    const n = valueNoise3(Math.cos(theta) * fluteCircle, yN * 1.6, Math.sin(theta) * fluteCircle, salt + 53);
    // Narrow grooves where the noise crosses its middle, rounded ribs between them.
    const groove = Math.max(0, 1 - Math.abs(2 * n - 1) * 3.2) ** 2;
    // Grooves open and close down the height, but slowly: a cleft, not a dash.
    const open = smoothstep(0.25, 0.6, valueNoise2(theta * 2.1 + 4, yN * 3, salt + 55));
    return resolved * groove * open;
  }

  function carve(
    theta: number,
    yN: number,
    sampling?: CarvingSampling,
  ): { crack: number; crackShade: number; bedding: number; relief: number; flute: number } {
    // A kernel narrower than the sample spacing would hit or miss vertices at random: widen it and keep its area.
    const crackW = Math.max(crackWidth, sampling ? sampling.thetaStep * 0.7 : 0);
    const phaseStep = sampling ? sampling.yStep * spec.beddingCount : 0;
    const sigma = Math.max(bedSigma, phaseStep * 0.6);
    let crack = 0;
    let crackShade = 0;
    for (let c = 0; c < crackAngles.length; c++) {
      let d = theta - crackAngles[c];
      d -= Math.round(d / (Math.PI * 2)) * Math.PI * 2;
      // Joints open and close along the height rather than running as perfect grooves.
      const along = valueNoise2(yN * 4, c * 7.7, salt + 13);
      const w = crackW * (0.6 + along);
      const profile = (crackDepths[c] / spec.crackDepth) * (0.3 + 0.7 * along) * Math.exp(-((d / w) ** 2));
      crack = Math.max(crack, crackDepths[c] * along * (crackWidth / crackW) * Math.exp(-((d / w) ** 2)));
      crackShade = Math.max(crackShade, profile);
    }
    const bedPhase = bedPhaseAt(theta, yN);
    const bed = Math.floor(bedPhase);
    const f = bedPhase - bed;
    // Each bed's notch shows only in patches around the section: broken strata, not rings.
    // Only some beds part at all, so the shaft is not ruled into even rings.
    const patch = smoothstep(0.42, 0.72, valueNoise2(theta * 1.6 + bed * 1.7, bed * 0.9, salt + 19));
    const bedding = Math.exp(-(((f - 0.5) / sigma) ** 2)) * (bedSigma / sigma) * patch;
    return { crack, crackShade, bedding, relief: bedReliefAt(theta, bedPhase, phaseStep), flute: fluteAt(theta, yN, sampling) };
  }

  function profileAt(yN: number): number {
    return Math.min(1, rawProfile(clamp(yN, 0, 1)) / maxProfile);
  }

  function envelopeAt(yN: number): number {
    const i = Math.round(clamp(yN, 0, 1) * PROFILE_SAMPLES);
    return envelope[i];
  }

  function sectionAt(theta: number): number {
    const c = Math.abs(Math.cos(theta));
    const s = Math.abs(Math.sin(theta));
    const superellipse = (c ** n + s ** n) ** (-1 / n) / sectionNorm;
    // Low-frequency lumps around the section: no pillar is a clean rounded square.
    const lump = valueNoise2(Math.cos(theta) * 1.3 + 5, Math.sin(theta) * 1.3 + 5, salt + 11);
    return superellipse * (0.84 + 0.16 * lump);
  }

  function belowLedgeAt(theta: number, yN: number): number {
    const phase = bedPhaseAt(theta, yN);
    return 1 - (phase - Math.floor(phase - 0.5) - 0.5);
  }

  function carvingAt(theta: number, yN: number, sampling?: CarvingSampling): number {
    const { crackShade, bedding } = carve(theta, yN, sampling);
    // Joints cut deep and dark; a bedding parting is only a thin line.
    return clamp(Math.max(crackShade, bedding * 0.3), 0, 1);
  }

  function radiusAt(theta: number, yN: number, sampling?: CarvingSampling): number {
    const { crack, bedding, relief, flute } = carve(theta, yN, sampling);
    const rough = spec.roughness * fbm3(Math.cos(theta) * 2.2, yN * 9, Math.sin(theta) * 2.2, salt + 23, 3);
    const detail =
      (1 - crack) * (1 - FLUTE_DEPTH * flute) * (1 - spec.beddingDepth * bedding) * (1 - spec.bedRelief * relief) * (1 - rough);
    return profileAt(yN) * sectionAt(theta) * detail;
  }

  return { spec, profileAt, envelopeAt, radiusAt, carvingAt, fluteAt, belowLedgeAt, bedPhaseAt };
}
