// Part of `npm run bench:player`: what a sphere profile costs a viewer. Bakes one short
// segment of each sphere profile with the real renderer, then decodes it with WebCodecs in
// Debian Chromium on this CPU: milliseconds from decode() to the decoded frame, per frame
// (median of a few passes), and the segment's bytes per second. The first frame of a segment
// is its key frame, so a short segment overstates the bitrate of a long one: the table says so.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRendererPool } from '@/server/render/renderer-pool';
import { BAKE_FPS, QUALITY_PROFILES, SPHERE_PROFILE_IDS } from '@/scenes/protocol/profile-ladder';
import { WEBCODECS_CODEC_STRINGS } from '@/scenes/protocol/codec-choice';
import { launchChromium } from '../tests/helpers/browser';
import { buildTestRoute } from '../tests/helpers/test-routes';
import { median, printTable } from './stats';

const FRAMES = Number(process.env.YUNSHAN_BENCH_SPHERE_FRAMES ?? 10);
const DECODE_PASSES = 3;

interface WireChunk {
  key: boolean;
  timestampUs: number;
  data: number[];
}

/** Decodes the frames one at a time, timing each from decode() to its output. Runs in the page. */
const DECODE_IN_PAGE = `async ({ codec, width, height, frames }) => {
  const times = [];
  let resolveFrame = () => undefined;
  let rejectFrame = () => undefined;
  const decoder = new VideoDecoder({
    output: (frame) => { frame.close(); resolveFrame(); },
    error: (error) => rejectFrame(error),
  });
  decoder.configure({ codec, codedWidth: width, codedHeight: height });
  for (const chunk of frames) {
    const decoded = new Promise((resolve, reject) => { resolveFrame = resolve; rejectFrame = reject; });
    const t0 = performance.now();
    decoder.decode(new EncodedVideoChunk({ type: chunk.key ? 'key' : 'delta', timestamp: chunk.timestampUs, data: new Uint8Array(chunk.data) }));
    await decoded;
    times.push(performance.now() - t0);
  }
  decoder.close();
  return times;
}`;

/**
 * An empty page on loopback: WebCodecs exists only in a secure context, which a new tab's
 * about:blank is not (the first full run died on "VideoDecoder is not defined"); 127.0.0.1 is.
 */
async function servePlainPage(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>sphere decode</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

export async function benchSphereDecode(): Promise<void> {
  const route = buildTestRoute('render-golden');
  const pool = await createRendererPool({ size: 1 });
  const browser = await launchChromium();
  const plainPage = await servePlainPage();
  const rows: (string | number)[][] = [];
  try {
    for (const id of SPHERE_PROFILE_IDS) {
      const profile = QUALITY_PROFILES[id];
      const startedMs = Date.now();
      const { chunks } = await pool.renderSegment({ route, profile, segmentIndex: 0, firstFrame: 0, frameCount: FRAMES });
      const bakeSPerFrame = (Date.now() - startedMs) / 1000 / FRAMES;
      const bytes = chunks.reduce((sum, chunk) => sum + chunk.data.length, 0);
      const wire: WireChunk[] = chunks.map((chunk) => ({ key: chunk.key, timestampUs: chunk.timestampUs, data: Array.from(chunk.data) }));
      const page = await browser.newPage();
      await page.goto(plainPage.url);
      const perFrameMs: number[] = [];
      for (let pass = 0; pass < DECODE_PASSES; pass++) {
        perFrameMs.push(
          ...((await page.evaluate(
            // A string, not a function: tsx's helpers (__name) do not exist in the page.
            `(${DECODE_IN_PAGE})(${JSON.stringify({ codec: WEBCODECS_CODEC_STRINGS.vp8, width: profile.width, height: profile.height, frames: wire })})`,
          )) as number[]),
        );
      }
      await page.close();
      rows.push([
        id,
        `${profile.width}×${profile.height}`,
        median(perFrameMs),
        Math.max(...perFrameMs),
        Math.round((bytes * BAKE_FPS) / FRAMES / 1000),
        (bytes * 8 * BAKE_FPS) / FRAMES / 1000,
        profile.bitrateKbps,
        bakeSPerFrame,
      ]);
    }
  } finally {
    plainPage.close();
    await browser.close();
    await pool.close();
  }
  printTable(
    `Sphere profiles: VP8 decode per 360° frame in Chromium (WebCodecs, this CPU), ${FRAMES}-frame segment from frame 0`,
    [
      'profile',
      'size',
      'decode median ms/frame',
      'decode max ms',
      'kB/s (key-frame heavy)',
      'kbps',
      'target kbps',
      'bake s/frame (with scene load)',
    ],
    rows,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchSphereDecode();
  process.exit(0);
}
