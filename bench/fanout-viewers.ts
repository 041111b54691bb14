// One process of simulated HTTP viewers for `npm run bench:fanout` (bench/fanout-bench.ts
// starts several). Each viewer starts at a random moment within the spread, fetches the
// bake's manifest and then its segments in order through the cache, never more than
// AHEAD_SEGMENTS ahead of its playhead, playing 30 frames a second of real time: a segment
// that arrives after its frames were due is a stall (the viewer did not keep full frame
// rate), and the playhead waits for it. Every segment is checked: the first copy of each in
// this process against its SHA-256, later copies byte for byte against that one (the bench
// measures the serving side, not a thousand checksums of the same bytes).
// Config: env FANOUT_CONFIG (JSON). Result: one line "FANOUT_RESULT <json>" on stdout, with
// every viewer's outcome and this process's own CPU time.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { BakeKey } from '../server/bake/bake-contracts';
import { sha256Hex } from '../server/frame-store/chunk-entry';
import { HttpSegmentClient, type HttpSegment } from '../server/stream/http-segment-client';

const AHEAD_SEGMENTS = 2;
const SEGMENT_MS = 1000;

const ConfigSchema = z.strictObject({
  baseUrl: z.string().url(),
  key: z.custom<BakeKey>((value) => typeof value === 'object' && value !== null),
  viewers: z.number().int().min(1),
  startSpreadMs: z.number().min(0),
  /** Segments each viewer plays (20: 20 s of flight). */
  segments: z.number().int().min(1),
  /** A viewer still playing after this long is stopped and counted as not at full frame rate. */
  limitMs: z.number().min(1000),
});

export interface ViewerOutcome {
  fullRate: boolean;
  stalls: number;
  stallMs: number;
  firstSegmentMs: number | null;
  segments: number;
  bytes: number;
  error: string | null;
}

const config = ConfigSchema.parse(JSON.parse(process.env.FANOUT_CONFIG ?? '{}'));
const verified = new Map<string, Buffer>();

function check(segment: HttpSegment, bytes: Uint8Array): void {
  const known = verified.get(segment.sha256);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (known !== undefined) {
    if (!known.equals(buffer)) throw new Error(`segment ${segment.index} differs from an earlier copy`);
    return;
  }
  if (sha256Hex(buffer) !== segment.sha256) throw new Error(`segment ${segment.index} fails its SHA-256`);
  verified.set(segment.sha256, buffer);
}

async function playOne(deadlineMs: number): Promise<ViewerOutcome> {
  const outcome: ViewerOutcome = { fullRate: false, stalls: 0, stallMs: 0, firstSegmentMs: null, segments: 0, bytes: 0, error: null };
  await sleep(Math.random() * config.startSpreadMs);
  const client = new HttpSegmentClient({ baseUrl: config.baseUrl });
  const started = performance.now();
  try {
    const manifest = await client.manifest(config.key);
    const segments = manifest.segments.slice(0, config.segments);
    let playStart = 0;
    for (const segment of segments) {
      if (segment.index > 0) {
        const fetchAt = playStart + (segment.index - AHEAD_SEGMENTS) * SEGMENT_MS;
        const wait = fetchAt - performance.now();
        if (wait > 0) await sleep(wait);
      }
      if (performance.now() > deadlineMs) throw new Error('still playing at the time limit');
      const bytes = await client.segmentBytesUnhashed(segment);
      check(segment, bytes);
      const now = performance.now();
      outcome.segments++;
      outcome.bytes += bytes.byteLength;
      if (segment.index === 0) {
        playStart = now;
        outcome.firstSegmentMs = now - started;
        continue;
      }
      const due = playStart + segment.index * SEGMENT_MS;
      if (now > due) {
        outcome.stalls++;
        outcome.stallMs += now - due;
        playStart += now - due;
      }
    }
    outcome.fullRate = outcome.stalls === 0;
  } catch (error) {
    outcome.error = (error as Error).message.slice(0, 200);
  }
  return outcome;
}

const deadlineMs = performance.now() + config.limitMs;
const outcomes = await Promise.all(Array.from({ length: config.viewers }, () => playOne(deadlineMs)));
const cpu = process.cpuUsage();
process.stdout.write(`FANOUT_RESULT ${JSON.stringify({ outcomes, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
