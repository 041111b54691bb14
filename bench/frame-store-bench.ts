// `node --import tsx bench/frame-store-bench.ts`: median milliseconds to write and to read
// (with every checksum verified) one 360p segment, in the local store on disk and in the
// S3 store against s3rver on loopback (its own process, like an object store on the next
// machine with no network in between). The segment is one second at the 360p profile's
// 900 kbit/s: a keyframe then 29 smaller frames, random bytes as an encoder leaves them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BakeKey, FrameStore } from '../server/bake/bake-contracts';
import type { EncodedChunk } from '@/scenes/protocol/chunk-codec';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import { LocalFrameStore } from '../server/frame-store/local-frame-store';
import { openFrameStore } from '../server/frame-store/open-frame-store';
import { S3_TEST_CREDENTIALS, startS3Server } from '../tests/helpers/s3-server';
import { median, percentile, printTable } from './stats';

const RUNS = Number(process.env.YUNSHAN_BENCH_STORE_RUNS ?? 40);
const KEY: BakeKey = { sceneVersion: 'bench', routeId: 'bench-route', revision: 1, profileId: '360p' };

/** One second of 360p: the keyframe about 8× a delta frame, adding up to the profile's bitrate. */
function segment360p(segmentIndex: number): EncodedChunk[] {
  const bytesPerSecond = (QUALITY_PROFILES['360p'].bitrateKbps * 1000) / 8;
  const deltaBytes = Math.round(bytesPerSecond / (FRAMES_PER_SEGMENT - 1 + 8));
  let seed = segmentIndex * 7919 + 1;
  return Array.from({ length: FRAMES_PER_SEGMENT }, (_, position) => {
    const data = new Uint8Array(position === 0 ? deltaBytes * 8 : deltaBytes);
    for (let i = 0; i < data.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      data[i] = seed >>> 24;
    }
    const index = segmentIndex * FRAMES_PER_SEGMENT + position;
    return { index, timestampUs: Math.round((index * 1_000_000) / FRAMES_PER_SEGMENT), key: position === 0, data };
  });
}

async function measure(store: FrameStore): Promise<{ write: number[]; read: number[] }> {
  const write: number[] = [];
  const read: number[] = [];
  // One warm-up pair (connections, JIT), then a fresh segment index per run so nothing is rewritten in place.
  for (let run = -1; run < RUNS; run++) {
    const segmentIndex = run + 1;
    const chunks = segment360p(segmentIndex);
    const writeStart = performance.now();
    await store.writeSegment(KEY, segmentIndex, chunks);
    const readStart = performance.now();
    const back = await store.readSegment(KEY, segmentIndex);
    const readEnd = performance.now();
    if (back.length !== chunks.length) throw new Error(`read ${back.length} chunks of ${chunks.length}`);
    if (run < 0) continue;
    write.push(readStart - writeStart);
    read.push(readEnd - readStart);
  }
  return { write, read };
}

export async function benchFrameStore(): Promise<void> {
  const segmentBytes = segment360p(0).reduce((sum, chunk) => sum + chunk.data.byteLength, 0);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-store-bench-'));
  const s3 = await startS3Server();
  const opened = await openFrameStore(s3.settings('bench'), { s3Credentials: S3_TEST_CREDENTIALS });
  try {
    const rows: (string | number)[][] = [];
    for (const [name, store] of [
      ['local disk (fsync + rename)', new LocalFrameStore(path.join(tempDir, 'frames'))],
      ['S3 (s3rver, loopback)', opened.store],
    ] as const) {
      const { write, read } = await measure(store);
      rows.push([name, median(write), percentile(write, 90), median(read), percentile(read, 90)]);
    }
    printTable(
      `Frame store: one 360p segment (${(segmentBytes / 1024).toFixed(0)} KiB, ${FRAMES_PER_SEGMENT} chunks), median of ${RUNS}, load ${os.loadavg()[0].toFixed(2)}`,
      ['store', 'write ms', 'write p90', 'read+verify ms', 'read p90'],
      rows,
    );
  } finally {
    await opened.close();
    await s3.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchFrameStore();
