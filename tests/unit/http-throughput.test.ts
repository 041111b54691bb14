// The HTTP transport's link speed (http-throughput.ts): whole segment bodies over the time the
// link was busy, overlapping requests counted once, idle time not at all.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpThroughput } from '@/components/player/cloud/http-throughput';

describe('HTTP throughput', () => {
  test('one segment of 100 kB over a second is 800 kbps, however the body arrives', () => {
    const meter = new HttpThroughput();
    meter.record(100_000, 1_000, 2_000);
    assert.equal(meter.capacityKbps(2_000), 800);
  });

  test('two requests in flight at once share the link: their overlap counts once', () => {
    const meter = new HttpThroughput();
    meter.record(100_000, 0, 1_000);
    meter.record(100_000, 0, 1_000);
    assert.equal(meter.capacityKbps(1_000), 1_600);
    // Half overlapping: 300 kB over 1.5 s busy.
    const staggered = new HttpThroughput();
    staggered.record(150_000, 0, 1_000);
    staggered.record(150_000, 500, 1_500);
    assert.equal(staggered.capacityKbps(1_500), 1_600);
  });

  test('time with nothing in flight is not the link being slow', () => {
    const meter = new HttpThroughput();
    meter.record(50_000, 0, 250);
    meter.record(50_000, 4_000, 4_250);
    assert.equal(meter.capacityKbps(4_250), 1_600);
  });

  test('too few bytes say nothing yet, and old transfers are forgotten', () => {
    const meter = new HttpThroughput({ memoryMs: 10_000, minBytes: 48_000 });
    meter.record(20_000, 0, 100);
    assert.equal(meter.capacityKbps(100), null, 'a manifest-sized transfer is no evidence');
    meter.record(80_000, 200, 1_200);
    assert.equal(meter.capacityKbps(1_200), (100_000 * 8) / 1_100);
    assert.equal(meter.capacityKbps(20_000), null, 'ten seconds on, nothing is remembered');
  });

  test('nonsense is ignored: negative sizes, an end before the start, non-finite times', () => {
    const meter = new HttpThroughput({ minBytes: 1 });
    meter.record(-5, 0, 10);
    meter.record(10_000, 100, 50);
    meter.record(10_000, Number.NaN, 50);
    assert.equal(meter.capacityKbps(100), null);
  });
});
