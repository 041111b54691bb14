// The shape of a sandstone pillar in unit space (radius ≤ 1, height 0..1): a squarish
// section that narrows and bulges with height, cut by vertical joints and bedding notches.
// The mesh builder and the clearance field read the same functions, so they agree.
import { clamp, deriveSeed, fbm3, valueNoise2 } from './random';

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
  /** Radius at angle theta and height yN, as a fraction of the bounding radius (≤ 1). */
  radiusAt(theta: number, yN: number): number;
  /** Depth of carving at this point in [0, 1]: joints and notches, for darkening in colour. */
  carvingAt(theta: number, yN: number): number;
}

const PROFILE_SAMPLES = 256;

export function createPillarShape(spec: PillarShapeSpec, seed: number): PillarShape {
  const salt = deriveSeed(seed, `pillar-shape-${spec.salt}`);
  const rawProfile = (yN: number): number => {
    let p = 1 - spec.taper * yN + spec.footFlare * (1 - yN) ** 6;
    for (const b of spec.bulges) p += b.amp * Math.exp(-(((yN - b.yN) / b.widthN) ** 2));
    // Slow wander in width keeps every archetype from looking lathe-turned.
    p *= 0.94 + 0.12 * valueNoise2(yN * 5, 0.5, salt);
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
  const sectionNorm = Math.SQRT2 * 2 ** (-1 / n);
  const crackAngles: number[] = [];
  const crackDepths: number[] = [];
  for (let c = 0; c < spec.crackCount; c++) {
    crackAngles.push(((c + 0.5 * valueNoise2(c * 3.1, 1.7, salt + 5)) / spec.crackCount) * Math.PI * 2);
    crackDepths.push(spec.crackDepth * (0.5 + valueNoise2(c * 2.3, 4.1, salt + 9)));
  }
  const crackWidth = 0.05;

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
    return superellipse * (0.9 + 0.1 * lump);
  }

  /** Joint crack depth (fraction of radius) and bedding notch strength in [0, 1] at a point. */
  function carve(theta: number, yN: number): { crack: number; bedding: number } {
    let crack = 0;
    for (let c = 0; c < crackAngles.length; c++) {
      let d = theta - crackAngles[c];
      d -= Math.round(d / (Math.PI * 2)) * Math.PI * 2;
      // Joints open and close along the height rather than running as perfect grooves.
      const along = valueNoise2(yN * 4, c * 7.7, salt + 13);
      const w = crackWidth * (0.6 + along);
      crack = Math.max(crack, crackDepths[c] * along * Math.exp(-((d / w) ** 2)));
    }
    const bedPhase = yN * spec.beddingCount + 0.6 * valueNoise2(theta * 0.8, yN * 3, salt + 17);
    const f = bedPhase - Math.floor(bedPhase);
    const bedding = Math.exp(-(((f - 0.5) / 0.07) ** 2)) * (0.4 + 0.6 * valueNoise2(theta * 2, yN * 9, salt + 19));
    return { crack, bedding };
  }

  function carvingAt(theta: number, yN: number): number {
    const { crack, bedding } = carve(theta, yN);
    return clamp(Math.max(crack / Math.max(spec.crackDepth, 1e-6), bedding * 0.8), 0, 1);
  }

  function radiusAt(theta: number, yN: number): number {
    const { crack, bedding } = carve(theta, yN);
    const rough = spec.roughness * fbm3(Math.cos(theta) * 2.2, yN * 9, Math.sin(theta) * 2.2, salt + 23, 3);
    const detail = (1 - crack) * (1 - spec.beddingDepth * bedding) * (1 - rough);
    return profileAt(yN) * sectionAt(theta) * detail;
  }

  return { spec, profileAt, envelopeAt, radiusAt, carvingAt };
}
