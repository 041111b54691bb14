// The render-path decision replayed on recorded probes of real device classes, and its
// invariants over any probe.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  decideRenderPath,
  LAPTOP_MIN_GPU_TIER,
  LAPTOP_MIN_MEMORY_GB,
  LAPTOP_WARMUP_FPS,
  CINEMATIC_MIN_DOWNLINK_KBPS,
  MIN_LOCAL_WARMUP_FPS,
  MIN_WATCHABLE_WARMUP_FPS,
  warmupFps,
} from '@/components/player/render-choice/decide-render-path';
import type { DecisionReason, DeviceProbe, LocalTier, RenderPathDecision } from '@/components/player/render-choice/render-choice-types';
import { deviceProbeArbitrary } from '../helpers/device-probe-arbitrary';

// What probeDevice recorded on each class of device; gpu fields are detect-gpu 5.0.70's answers.
const midPhone: DeviceProbe = {
  version: 1,
  webgl2: true,
  gpu: { tier: 2, type: 'BENCHMARK', isMobile: true, gpu: 'adreno 618', fps: 34 },
  deviceMemoryGb: 4,
  cores: 8,
  saveData: false,
  connectionType: 'cellular',
  effectiveType: '4g',
  battery: { level: 0.64, charging: false },
  coarsePointer: true,
  screenShortSidePx: 393,
  warmupFrameMs: 22.1,
  warmupFrames: 12,
};

const irisXeLaptop: DeviceProbe = {
  version: 1,
  webgl2: true,
  gpu: { tier: 3, type: 'BENCHMARK', isMobile: false, gpu: 'intel iris xe', fps: 60 },
  deviceMemoryGb: 8,
  cores: 8,
  saveData: false,
  connectionType: null,
  effectiveType: '4g',
  battery: { level: 0.81, charging: true },
  coarsePointer: false,
  screenShortSidePx: 1080,
  warmupFrameMs: 9.2,
  warmupFrames: 12,
};

// Safari says nothing about memory, network or battery.
const m1SafariLaptop: DeviceProbe = {
  version: 1,
  webgl2: true,
  gpu: { tier: 3, type: 'BENCHMARK', isMobile: false, gpu: 'apple m1', fps: 198 },
  deviceMemoryGb: null,
  cores: 8,
  saveData: false,
  connectionType: null,
  effectiveType: null,
  battery: null,
  coarsePointer: false,
  screenShortSidePx: 900,
  warmupFrameMs: 5.6,
  warmupFrames: 12,
};

// A WebGL1-only tablet: detect-gpu still matched its GPU over WebGL1; no warm-up ran.
const noWebgl2Tablet: DeviceProbe = {
  version: 1,
  webgl2: false,
  gpu: { tier: 0, type: 'BENCHMARK', isMobile: true, gpu: 'arm mali-t720', fps: 6 },
  deviceMemoryGb: 1,
  cores: 4,
  saveData: false,
  connectionType: 'wifi',
  effectiveType: '4g',
  battery: { level: 0.5, charging: false },
  coarsePointer: true,
  screenShortSidePx: 600,
  warmupFrameMs: null,
  warmupFrames: 0,
};

// A budget phone on a capped plan with Lite mode on; 25 fps at the phone tier.
const saveDataPhone: DeviceProbe = {
  version: 1,
  webgl2: true,
  gpu: { tier: 1, type: 'BENCHMARK', isMobile: true, gpu: 'arm mali-g52', fps: 18 },
  deviceMemoryGb: 2,
  cores: 8,
  saveData: true,
  connectionType: 'cellular',
  effectiveType: '4g',
  battery: { level: 0.9, charging: false },
  coarsePointer: true,
  screenShortSidePx: 360,
  warmupFrameMs: 40,
  warmupFrames: 12,
};

const lowBatteryPhone: DeviceProbe = { ...midPhone, battery: { level: 0.12, charging: false } };

// CI's headless Chromium with --use-angle=gl-egl, recorded by probeDevice at a 960×540 stage on
// a 2-core machine: Mesa llvmpipe, which detect-gpu neither blocklists nor matches (a tier 1
// FALLBACK, no benchmark fetched); the warm-up shows what it really is. Its warm-up varied from
// 37 to 51 ms between runs, across the 20 fps line: both sides lead to the same paths.
const headlessLlvmpipe: DeviceProbe = {
  version: 1,
  webgl2: true,
  gpu: {
    tier: 1,
    type: 'FALLBACK',
    isMobile: false,
    gpu: 'mesa/x.org, llvmpipe (llvm 15.0.6 256 bits), opengl es 3.2 (ANGLE (Mesa/X.org, llvmpipe (LLVM 15.0.6 256 bits), OpenGL ES 3.2))',
    fps: null,
  },
  deviceMemoryGb: 16,
  cores: 2,
  saveData: false,
  connectionType: null,
  effectiveType: '4g',
  battery: { level: 1, charging: true },
  coarsePointer: false,
  screenShortSidePx: 540,
  warmupFrameMs: 37.2,
  warmupFrames: 12,
};

const headlessLlvmpipeBusy: DeviceProbe = { ...headlessLlvmpipe, warmupFrameMs: 51.3 };

interface Expected {
  path: RenderPathDecision;
  localTier: LocalTier | null;
  reasons: DecisionReason[];
}

const recorded: { name: string; probe: DeviceProbe; withCloud: Expected; withoutCloud: Expected }[] = [
  {
    name: 'a mid phone (Adreno 618, 45 fps warm-up)',
    probe: midPhone,
    withCloud: { path: 'local', localTier: 'phone', reasons: ['warmup-smooth'] },
    withoutCloud: { path: 'local', localTier: 'phone', reasons: ['warmup-smooth', 'no-cloud'] },
  },
  {
    name: 'an Intel Iris Xe laptop',
    probe: irisXeLaptop,
    withCloud: { path: 'local', localTier: 'laptop', reasons: ['warmup-smooth', 'gpu-strong'] },
    withoutCloud: { path: 'local', localTier: 'laptop', reasons: ['warmup-smooth', 'no-cloud', 'gpu-strong'] },
  },
  {
    name: 'an Apple M1 laptop in Safari (memory unknown)',
    probe: m1SafariLaptop,
    withCloud: { path: 'local', localTier: 'laptop', reasons: ['warmup-smooth', 'gpu-strong'] },
    withoutCloud: { path: 'local', localTier: 'laptop', reasons: ['warmup-smooth', 'no-cloud', 'gpu-strong'] },
  },
  {
    name: 'a tablet without WebGL2',
    probe: noWebgl2Tablet,
    withCloud: { path: 'cloud', localTier: null, reasons: ['no-webgl2'] },
    withoutCloud: { path: 'posters', localTier: null, reasons: ['no-webgl2', 'no-cloud'] },
  },
  {
    name: 'a save-data budget phone (2 GB, 25 fps)',
    probe: saveDataPhone,
    withCloud: { path: 'local', localTier: 'phone', reasons: ['warmup-slow', 'save-data', 'low-memory'] },
    withoutCloud: { path: 'local', localTier: 'phone', reasons: ['warmup-slow', 'save-data', 'no-cloud', 'low-memory'] },
  },
  {
    name: 'a mid phone at 12% battery',
    probe: lowBatteryPhone,
    withCloud: { path: 'cloud', localTier: 'phone', reasons: ['warmup-smooth', 'low-battery'] },
    withoutCloud: { path: 'local', localTier: 'phone', reasons: ['warmup-smooth', 'no-cloud'] },
  },
  {
    name: 'headless Chromium on llvmpipe (27 fps)',
    probe: headlessLlvmpipe,
    withCloud: { path: 'cloud', localTier: 'phone', reasons: ['warmup-slow'] },
    withoutCloud: { path: 'local', localTier: 'phone', reasons: ['warmup-slow', 'no-cloud'] },
  },
  {
    name: 'headless Chromium on llvmpipe, busier (19 fps)',
    probe: headlessLlvmpipeBusy,
    withCloud: { path: 'cloud', localTier: 'phone', reasons: ['warmup-too-slow'] },
    withoutCloud: { path: 'local', localTier: 'phone', reasons: ['warmup-too-slow', 'no-cloud'] },
  },
];

describe('recorded probes', () => {
  for (const { name, probe, withCloud, withoutCloud } of recorded) {
    test(`${name}, with a cloud`, () => {
      assert.deepEqual(decideRenderPath(probe, { cloudAvailable: true }), withCloud);
    });
    test(`${name}, without a cloud`, () => {
      assert.deepEqual(decideRenderPath(probe, { cloudAvailable: false }), withoutCloud);
    });
  }
});

describe('single rules', () => {
  test('a blocklisted GPU never draws, whatever its warm-up', () => {
    const probe: DeviceProbe = {
      ...headlessLlvmpipe,
      gpu: { tier: 0, type: 'BLOCKLISTED', isMobile: false, gpu: 'google swiftshader', fps: null },
      warmupFrameMs: 10,
    };
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: true }), { path: 'cloud', localTier: null, reasons: ['gpu-blocklisted'] });
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: false }), {
      path: 'posters',
      localTier: null,
      reasons: ['gpu-blocklisted', 'no-cloud'],
    });
  });

  test('detect-gpu without any WebGL context counts as no WebGL2', () => {
    const probe: DeviceProbe = { ...midPhone, gpu: { tier: 0, type: 'WEBGL_UNSUPPORTED', isMobile: true, gpu: null, fps: null } };
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: true }).reasons, ['no-webgl2']);
  });

  test('a warm-up that failed sends the flight to the cloud or the posters', () => {
    const probe: DeviceProbe = { ...irisXeLaptop, warmupFrameMs: null, warmupFrames: 0 };
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: true }), { path: 'cloud', localTier: null, reasons: ['warmup-failed'] });
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: false }).path, 'posters');
  });

  test('a detection that timed out (gpu null) still draws at the phone tier when the warm-up is fast', () => {
    const probe: DeviceProbe = { ...irisXeLaptop, gpu: null };
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: true }), { path: 'local', localTier: 'phone', reasons: ['warmup-smooth'] });
  });

  test('a slow cellular network keeps a 25 fps device local', () => {
    const probe: DeviceProbe = { ...midPhone, effectiveType: '3g', warmupFrameMs: 40 };
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: true }), {
      path: 'local',
      localTier: 'phone',
      reasons: ['warmup-slow', 'slow-network'],
    });
    assert.equal(decideRenderPath({ ...probe, effectiveType: '4g' }, { cloudAvailable: true }).path, 'cloud');
  });

  test('save-data and a slow network cannot make a too-slow device draw while a cloud exists', () => {
    const probe: DeviceProbe = { ...saveDataPhone, effectiveType: '2g', warmupFrameMs: 70 };
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: true }), {
      path: 'cloud',
      localTier: 'phone',
      reasons: ['warmup-too-slow', 'low-memory'],
    });
  });

  test('below a watchable rate and without a cloud, posters', () => {
    const probe: DeviceProbe = { ...headlessLlvmpipe, warmupFrameMs: 1000 / (MIN_WATCHABLE_WARMUP_FPS - 1) };
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: false }), {
      path: 'posters',
      localTier: null,
      reasons: ['warmup-too-slow', 'no-cloud'],
    });
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: true }), { path: 'cloud', localTier: null, reasons: ['warmup-too-slow'] });
  });

  test('a strong laptop with 2 GB of memory stays at the phone tier', () => {
    const probe: DeviceProbe = { ...irisXeLaptop, deviceMemoryGb: 2 };
    assert.deepEqual(decideRenderPath(probe, { cloudAvailable: true }), {
      path: 'local',
      localTier: 'phone',
      reasons: ['warmup-smooth', 'low-memory'],
    });
  });

  test('the laptop tier needs a comfortable warm-up and a desktop GPU of tier 2 or more', () => {
    const justSmooth: DeviceProbe = { ...irisXeLaptop, warmupFrameMs: 1000 / (LAPTOP_WARMUP_FPS - 5) };
    assert.equal(decideRenderPath(justSmooth, { cloudAvailable: true }).localTier, 'phone');
    // An iPad with an M1: detect-gpu calls it mobile.
    const ipad: DeviceProbe = {
      ...m1SafariLaptop,
      gpu: { tier: 3, type: 'BENCHMARK', isMobile: true, gpu: 'apple m1', fps: 120 },
      coarsePointer: true,
    };
    assert.equal(decideRenderPath(ipad, { cloudAvailable: true }).localTier, 'phone');
    assert.equal(
      decideRenderPath({ ...headlessLlvmpipe, warmupFrameMs: 5 }, { cloudAvailable: true }).localTier,
      'phone',
      'a fast CPU renderer is still no GPU',
    );
  });

  test('low battery yields to save-data and slow networks, and not while charging', () => {
    assert.equal(decideRenderPath({ ...lowBatteryPhone, saveData: true }, { cloudAvailable: true }).path, 'local');
    assert.deepEqual(decideRenderPath({ ...lowBatteryPhone, effectiveType: 'slow-2g' }, { cloudAvailable: true }).reasons, [
      'warmup-smooth',
      'slow-network',
    ]);
    assert.equal(
      decideRenderPath({ ...lowBatteryPhone, battery: { level: 0.12, charging: true } }, { cloudAvailable: true }).path,
      'local',
    );
  });
});

describe('a route whose bake is not finished', () => {
  // The cloud can only show "preparing, N %" then: any device that can draw at all draws.
  test('a device the probe called too slow draws at the phone tier instead of waiting on the cloud', () => {
    const slideshow: DeviceProbe = { ...headlessLlvmpipe, warmupFrameMs: 1000 / (MIN_WATCHABLE_WARMUP_FPS - 1) };
    assert.deepEqual(decideRenderPath(slideshow, { cloudAvailable: true, cloudBaking: true }), {
      path: 'local',
      localTier: 'phone',
      reasons: ['warmup-too-slow', 'cloud-baking'],
    });
    const slow: DeviceProbe = { ...midPhone, warmupFrameMs: 40 };
    assert.deepEqual(decideRenderPath(slow, { cloudAvailable: true, cloudBaking: true }), {
      path: 'local',
      localTier: 'phone',
      reasons: ['warmup-slow', 'cloud-baking'],
    });
    assert.equal(decideRenderPath(slow, { cloudAvailable: true, cloudBaking: false }).path, 'cloud', 'baked, the same device streams');
  });

  test('low battery does not send the flight to a cloud that has nothing to stream', () => {
    assert.deepEqual(decideRenderPath(lowBatteryPhone, { cloudAvailable: true, cloudBaking: true }), {
      path: 'local',
      localTier: 'phone',
      reasons: ['warmup-smooth', 'low-battery', 'cloud-baking'],
    });
  });

  test('a device that draws smoothly keeps its own tier', () => {
    assert.deepEqual(
      decideRenderPath(irisXeLaptop, { cloudAvailable: true, cloudBaking: true }),
      decideRenderPath(irisXeLaptop, { cloudAvailable: true }),
    );
  });

  test('a device that cannot draw at all still goes to the cloud, whose card says how far the bake is', () => {
    assert.deepEqual(decideRenderPath({ ...midPhone, webgl2: false }, { cloudAvailable: true, cloudBaking: true }), {
      path: 'cloud',
      localTier: null,
      reasons: ['no-webgl2'],
    });
    assert.deepEqual(
      decideRenderPath({ ...irisXeLaptop, warmupFrameMs: null, warmupFrames: 0 }, { cloudAvailable: true, cloudBaking: true }).path,
      'cloud',
    );
  });

  test('over any probe: whatever can draw, draws; nothing else changes', () => {
    fc.assert(
      fc.property(deviceProbeArbitrary({ realistic: true }), (probe) => {
        const baking = decideRenderPath(probe, { cloudAvailable: true, cloudBaking: true });
        const baked = decideRenderPath(probe, { cloudAvailable: true });
        const canDraw =
          probe.webgl2 && probe.gpu?.type !== 'BLOCKLISTED' && probe.gpu?.type !== 'WEBGL_UNSUPPORTED' && warmupFps(probe) !== null;
        if (!canDraw || baked.path === 'local') assert.deepEqual(baking, baked);
        else
          assert.deepEqual(baking, {
            path: 'local',
            localTier: 'phone',
            reasons: [...baked.reasons.filter((reason) => reason !== 'low-memory' && reason !== 'gpu-strong'), 'cloud-baking'],
          });
      }),
    );
  });
});

const probeArb = deviceProbeArbitrary({ realistic: true });

describe('a route with a cinematic bake', () => {
  // The same recorded devices, now with the cinematic bake finished: every one that could
  // stream, streams; only save-data and slow links keep a capable device drawing.
  const cinematic = { cloudAvailable: true, cinematicReady: true };
  const expected: Record<string, Expected> = {
    'a mid phone (Adreno 618, 45 fps warm-up)': { path: 'cloud', localTier: 'phone', reasons: ['warmup-smooth', 'cinematic-cloud'] },
    'an Intel Iris Xe laptop': { path: 'cloud', localTier: 'laptop', reasons: ['warmup-smooth', 'cinematic-cloud', 'gpu-strong'] },
    'an Apple M1 laptop in Safari (memory unknown)': {
      path: 'cloud',
      localTier: 'laptop',
      reasons: ['warmup-smooth', 'cinematic-cloud', 'gpu-strong'],
    },
    'a tablet without WebGL2': { path: 'cloud', localTier: null, reasons: ['no-webgl2'] },
    'a save-data budget phone (2 GB, 25 fps)': { path: 'local', localTier: 'phone', reasons: ['warmup-slow', 'save-data', 'low-memory'] },
    'a mid phone at 12% battery': { path: 'cloud', localTier: 'phone', reasons: ['warmup-smooth', 'cinematic-cloud'] },
    'headless Chromium on llvmpipe (27 fps)': { path: 'cloud', localTier: 'phone', reasons: ['warmup-slow'] },
    'headless Chromium on llvmpipe, busier (19 fps)': { path: 'cloud', localTier: 'phone', reasons: ['warmup-too-slow'] },
  };
  for (const { name, probe, withoutCloud } of recorded) {
    test(`${name}: with the cinematic bake`, () => {
      assert.deepEqual(decideRenderPath(probe, cinematic), expected[name]);
    });
    test(`${name}: a cinematic bake means nothing without a cloud`, () => {
      assert.deepEqual(decideRenderPath(probe, { cloudAvailable: false, cinematicReady: true }), withoutCloud);
    });
  }

  test('a slow cellular network keeps a smooth device drawing, cinematic bake or not', () => {
    const probe: DeviceProbe = { ...midPhone, effectiveType: '3g' };
    assert.deepEqual(decideRenderPath(probe, cinematic), { path: 'local', localTier: 'phone', reasons: ['warmup-smooth', 'slow-network'] });
  });

  test("the browser's estimate of a thin link keeps the device drawing, and says why", () => {
    const thin = decideRenderPath(irisXeLaptop, { ...cinematic, downlinkKbps: CINEMATIC_MIN_DOWNLINK_KBPS - 25 });
    assert.deepEqual(thin, { path: 'local', localTier: 'laptop', reasons: ['warmup-smooth', 'cinematic-network-short', 'gpu-strong'] });
    assert.equal(decideRenderPath(irisXeLaptop, { ...cinematic, downlinkKbps: CINEMATIC_MIN_DOWNLINK_KBPS }).path, 'cloud');
    assert.equal(
      decideRenderPath(irisXeLaptop, { ...cinematic, downlinkKbps: null }).path,
      'cloud',
      'a browser that does not say is not held back',
    );
  });

  test('while the route still bakes, the device draws (the cinematic bake comes after the standard one)', () => {
    assert.deepEqual(
      decideRenderPath(irisXeLaptop, { ...cinematic, cloudBaking: true }),
      decideRenderPath(irisXeLaptop, { cloudAvailable: true }),
    );
  });

  test('over any probe: the cinematic bake only ever moves a drawing device to the cloud, and keeps its tier for a handover back', () => {
    fc.assert(
      fc.property(probeArb, fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }), (probe, downlinkKbps) => {
        const standard = decideRenderPath(probe, { cloudAvailable: true });
        const withCinematic = decideRenderPath(probe, { ...cinematic, downlinkKbps });
        assert.equal(withCinematic.localTier, standard.localTier);
        if (standard.path !== 'local') {
          assert.equal(withCinematic.path, standard.path);
          return;
        }
        const costly = probe.saveData || (probe.effectiveType !== null && ['slow-2g', '2g', '3g'].includes(probe.effectiveType));
        const thin = downlinkKbps !== null && downlinkKbps < CINEMATIC_MIN_DOWNLINK_KBPS;
        assert.equal(withCinematic.path, costly || thin ? 'local' : 'cloud');
        assert.equal(withCinematic.reasons.includes('cinematic-cloud'), withCinematic.path === 'cloud');
      }),
    );
  });
});

describe('invariants over any probe', () => {
  test('the path and the tier agree, and posters appear only without a cloud', () => {
    fc.assert(
      fc.property(probeArb, fc.boolean(), (probe, cloudAvailable) => {
        const decision = decideRenderPath(probe, { cloudAvailable });
        if (decision.path === 'local') assert.notEqual(decision.localTier, null);
        if (decision.path === 'posters') assert.equal(cloudAvailable, false);
        if (cloudAvailable) assert.notEqual(decision.path, 'posters');
        else assert.notEqual(decision.path, 'cloud');
        assert.equal(decision.reasons.includes('no-cloud'), !cloudAvailable);
        assert.equal(new Set(decision.reasons).size, decision.reasons.length, 'each rule fires once');
        if (!probe.webgl2) assert.equal(decision.localTier, null);
      }),
    );
  });

  test('the laptop tier only on a comfortable warm-up, a desktop GPU of tier 2+ and enough memory', () => {
    fc.assert(
      fc.property(probeArb, fc.boolean(), (probe, cloudAvailable) => {
        if (decideRenderPath(probe, { cloudAvailable }).localTier !== 'laptop') return;
        assert.ok((warmupFps(probe) ?? 0) >= LAPTOP_WARMUP_FPS);
        assert.ok(probe.gpu !== null && probe.gpu.tier >= LAPTOP_MIN_GPU_TIER && !probe.gpu.isMobile);
        assert.ok(probe.deviceMemoryGb === null || probe.deviceMemoryGb >= LAPTOP_MIN_MEMORY_GB);
      }),
    );
  });

  test('a faster warm-up never takes a device off local drawing', () => {
    fc.assert(
      fc.property(probeArb, fc.boolean(), fc.double({ min: 0.1, max: 1, noNaN: true }), (probe, cloudAvailable, factor) => {
        if (probe.warmupFrameMs === null || decideRenderPath(probe, { cloudAvailable }).path !== 'local') return;
        const faster = { ...probe, warmupFrameMs: probe.warmupFrameMs * factor };
        assert.equal(decideRenderPath(faster, { cloudAvailable }).path, 'local');
      }),
    );
  });

  test('a device that warms up below MIN_LOCAL_WARMUP_FPS draws only when there is no cloud', () => {
    fc.assert(
      fc.property(probeArb, (probe) => {
        const fps = warmupFps(probe);
        if (fps === null || fps >= MIN_LOCAL_WARMUP_FPS) return;
        assert.notEqual(decideRenderPath(probe, { cloudAvailable: true }).path, 'local');
      }),
    );
  });
});
