// The probe and preference remembered per device: what is read back, what is refused, and
// that storage failures (private mode, blocked site data) never reach the player.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isRememberedProbeFresh,
  loadRememberedProbe,
  loadRenderPreference,
  parseRememberedProbe,
  parseRenderPreference,
  REMEMBERED_PROBE_KEY,
  REMEMBERED_PROBE_MAX_AGE_MS,
  RENDER_PREFERENCE_KEY,
  saveRememberedProbe,
  saveRenderPreference,
  serializeRememberedProbe,
  type RememberedProbe,
} from '@/components/player/render-choice/remembered-choice';
import type { DeviceProbe } from '@/components/player/render-choice/render-choice-types';
import { deviceProbeArbitrary } from '../helpers/device-probe-arbitrary';

const UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const DAY_MS = 24 * 60 * 60 * 1000;

const phoneProbe: DeviceProbe = {
  version: 1,
  webgl2: true,
  gpu: { tier: 2, type: 'BENCHMARK', isMobile: true, gpu: 'mali-g710', fps: 41 },
  deviceMemoryGb: 8,
  cores: 8,
  saveData: false,
  connectionType: 'cellular',
  effectiveType: '4g',
  battery: { level: 0.55, charging: false },
  coarsePointer: true,
  screenShortSidePx: 412,
  warmupFrameMs: 14.3,
  warmupFrames: 12,
};

const probeArb = deviceProbeArbitrary({ realistic: false });

describe('parse and serialize', () => {
  test('a remembered probe reads back exactly', () => {
    fc.assert(
      fc.property(probeArb, fc.integer({ min: 0, max: 2 ** 45 }), fc.string(), (probe, measuredAtMs, userAgent) => {
        const remembered: RememberedProbe = { probe, measuredAtMs, userAgent };
        // Compared as plain JSON data: fast-check builds its records without a prototype.
        const plain: unknown = JSON.parse(JSON.stringify(remembered));
        assert.deepEqual(parseRememberedProbe(serializeRememberedProbe(remembered)), plain);
      }),
    );
  });

  test('absent, corrupt or foreign values are ignored, never thrown', () => {
    const valid = { probe: phoneProbe, measuredAtMs: 1_700_000_000_000, userAgent: UA };
    const refused: (string | null)[] = [
      null,
      '',
      '{',
      'null',
      '42',
      '"phone"',
      '[]',
      JSON.stringify({ theme: 'dark' }),
      JSON.stringify({ ...valid, probe: { ...phoneProbe, version: 2 } }),
      JSON.stringify({ ...valid, probe: { ...phoneProbe, webgl2: 'yes' } }),
      JSON.stringify({ ...valid, probe: { ...phoneProbe, gpu: { ...phoneProbe.gpu, tier: 4 } } }),
      JSON.stringify({ ...valid, probe: { ...phoneProbe, battery: { level: 1.5, charging: false } } }),
      JSON.stringify({ probe: phoneProbe, userAgent: UA }),
      JSON.stringify({ ...valid, measuredAtMs: 'yesterday' }),
    ];
    for (const stored of refused) assert.equal(parseRememberedProbe(stored), null, String(stored));
    assert.deepEqual(parseRememberedProbe(JSON.stringify(valid)), valid);
  });

  test('arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (stored) => {
        parseRememberedProbe(stored);
        parseRenderPreference(stored);
      }),
    );
  });
});

describe('freshness', () => {
  const measuredAtMs = 1_700_000_000_000;
  const remembered: RememberedProbe = { probe: phoneProbe, measuredAtMs, userAgent: UA };

  test('valid for fourteen days in the same browser build', () => {
    assert.equal(REMEMBERED_PROBE_MAX_AGE_MS, 14 * DAY_MS);
    assert.equal(isRememberedProbeFresh(remembered, measuredAtMs, UA), true);
    assert.equal(isRememberedProbeFresh(remembered, measuredAtMs + 13 * DAY_MS, UA), true);
    assert.equal(isRememberedProbeFresh(remembered, measuredAtMs + 14 * DAY_MS, UA), false);
  });

  test('a browser update measures again at once', () => {
    assert.equal(isRememberedProbeFresh(remembered, measuredAtMs + 1000, UA.replace('131.0.0.0', '132.0.0.0')), false);
  });

  test('a stamp from the future (clock set back) is not trusted', () => {
    assert.equal(isRememberedProbeFresh(remembered, measuredAtMs - 60_000, UA), false);
  });
});

describe('render preference', () => {
  test('the three choices read back; anything else is auto', () => {
    for (const preference of ['auto', 'local', 'cloud'] as const) assert.equal(parseRenderPreference(preference), preference);
    for (const stored of [null, '', 'LOCAL', 'device', '"local"']) assert.equal(parseRenderPreference(stored), 'auto');
  });
});

/** A browser's localStorage as the Web Storage spec describes it, in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

describe('localStorage wrappers', () => {
  const globals = globalThis as { window?: unknown };
  afterEach(() => {
    delete globals.window;
  });

  test('a probe saved now is loaded back while fresh, under its key', () => {
    const storage = new MemoryStorage();
    globals.window = { localStorage: storage };
    const nowMs = 1_700_000_000_000;
    saveRememberedProbe(phoneProbe, nowMs, UA);
    assert.ok(storage.getItem(REMEMBERED_PROBE_KEY));
    assert.deepEqual(loadRememberedProbe(nowMs + DAY_MS, UA), phoneProbe);
    assert.equal(loadRememberedProbe(nowMs + 15 * DAY_MS, UA), null);
  });

  test('the preference is stored, and auto stores nothing', () => {
    const storage = new MemoryStorage();
    globals.window = { localStorage: storage };
    assert.equal(loadRenderPreference(), 'auto');
    saveRenderPreference('cloud');
    assert.equal(storage.getItem(RENDER_PREFERENCE_KEY), 'cloud');
    assert.equal(loadRenderPreference(), 'cloud');
    saveRenderPreference('auto');
    assert.equal(storage.getItem(RENDER_PREFERENCE_KEY), null);
    assert.equal(loadRenderPreference(), 'auto');
  });

  test('storage that throws (blocked site data, private mode, full quota) is survived', () => {
    globals.window = {
      get localStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    assert.equal(loadRememberedProbe(0, UA), null);
    assert.equal(loadRenderPreference(), 'auto');
    assert.doesNotThrow(() => saveRememberedProbe(phoneProbe, 0, UA));
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    globals.window = { localStorage: full };
    assert.doesNotThrow(() => saveRenderPreference('local'));
    assert.equal(loadRenderPreference(), 'auto');
  });

  test('without a window (server rendering) nothing is read or written', () => {
    assert.equal(loadRememberedProbe(0, UA), null);
    assert.equal(loadRenderPreference(), 'auto');
    assert.doesNotThrow(() => saveRenderPreference('local'));
  });
});
