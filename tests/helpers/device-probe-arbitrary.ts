// Random device probes for property tests: `realistic` keeps the network fields and sizes
// to values browsers report (for the decision rules); otherwise any strings and extremes
// (for storage round trips, which must carry whatever a browser said).
import fc from 'fast-check';
import type { DeviceProbe, GpuTierResult } from '@/components/player/render-choice/render-choice-types';

export function deviceProbeArbitrary({ realistic }: { realistic: boolean }): fc.Arbitrary<DeviceProbe> {
  const gpu: fc.Arbitrary<GpuTierResult | null> = fc.option(
    fc.record({
      tier: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
      type: fc.constantFrom('BENCHMARK' as const, 'BLOCKLISTED' as const, 'FALLBACK' as const, 'WEBGL_UNSUPPORTED' as const),
      isMobile: fc.boolean(),
      gpu: fc.option(fc.string(), { nil: null }),
      fps: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    }),
    { nil: null },
  );
  return fc.record({
    version: fc.constant(1 as const),
    webgl2: fc.boolean(),
    gpu,
    deviceMemoryGb: fc.option(fc.constantFrom(0.25, 0.5, 1, 2, 4, 8), { nil: null }),
    cores: fc.option(fc.integer({ min: 1, max: realistic ? 32 : 64 }), { nil: null }),
    saveData: fc.boolean(),
    connectionType: fc.option(realistic ? fc.constantFrom('cellular', 'wifi', 'ethernet') : fc.string(), { nil: null }),
    effectiveType: fc.option(realistic ? fc.constantFrom('slow-2g', '2g', '3g', '4g') : fc.string(), { nil: null }),
    battery: fc.option(fc.record({ level: fc.double({ min: 0, max: 1, noNaN: true }), charging: fc.boolean() }), { nil: null }),
    coarsePointer: fc.boolean(),
    screenShortSidePx: realistic ? fc.integer({ min: 240, max: 2160 }) : fc.integer({ min: 0, max: 4000 }),
    warmupFrameMs: fc.option(
      realistic ? fc.double({ min: 0.5, max: 2000, noNaN: true }) : fc.double({ min: 0.1, max: 5000, noNaN: true }),
      { nil: null },
    ),
    warmupFrames: fc.integer({ min: 0, max: 12 }),
  });
}
