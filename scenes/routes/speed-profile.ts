// Distance along the path as a function of time for `constant-speed` routes: cruise
// at one speed, ramping up from rest and back down with a smoothstep velocity curve,
// so velocity and acceleration are both continuous.

export interface SpeedProfile {
  readonly cruiseSpeedMps: number;
  /** Ease durations actually used (scaled down when they would not fit the route). */
  readonly easeInS: number;
  readonly easeOutS: number;
  distanceAt(timeS: number): number;
  speedAt(timeS: number): number;
}

export function createSpeedProfile(lengthM: number, durationS: number, easeInS: number, easeOutS: number): SpeedProfile {
  let easeIn = Math.max(0, easeInS);
  let easeOut = Math.max(0, easeOutS);
  if (easeIn + easeOut > durationS) {
    const fit = durationS / (easeIn + easeOut);
    easeIn *= fit;
    easeOut *= fit;
  }
  // A smoothstep ramp covers half the distance a full-speed ramp would.
  const cruiseSpeedMps = durationS > 0 ? lengthM / (durationS - easeIn / 2 - easeOut / 2) : 0;
  const cruiseEndS = durationS - easeOut;

  return {
    cruiseSpeedMps,
    easeInS: easeIn,
    easeOutS: easeOut,
    distanceAt(timeS) {
      const t = Math.min(durationS, Math.max(0, timeS));
      if (t < easeIn) return cruiseSpeedMps * easeIn * rampDistance(t / easeIn);
      if (t <= cruiseEndS) return cruiseSpeedMps * (easeIn / 2 + (t - easeIn));
      return lengthM - cruiseSpeedMps * easeOut * rampDistance((durationS - t) / easeOut);
    },
    speedAt(timeS) {
      if (timeS < 0 || timeS > durationS) return 0;
      if (timeS < easeIn) return cruiseSpeedMps * smoothstep(timeS / easeIn);
      if (timeS <= cruiseEndS) return cruiseSpeedMps;
      return cruiseSpeedMps * smoothstep((durationS - timeS) / easeOut);
    },
  };
}

function smoothstep(x: number): number {
  return x * x * (3 - 2 * x);
}

/** ∫₀ˣ smoothstep: the distance covered, in units of (cruise speed × ramp time). */
function rampDistance(x: number): number {
  return x * x * x * (1 - x / 2);
}
