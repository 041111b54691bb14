// The cinematic rung's VP9 twin comes out of the same cinematic render as its VP8 frames: one
// draw, two encoders, as for the standard rungs. Drawn small (the profiles' codecs and tier at
// 320×180, four frames) so the test takes seconds instead of a cinematic segment's minutes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRendererPool, type ChromiumRendererPool } from '@/server/render/renderer-pool';
import { QUALITY_PROFILES, vp9TwinOf } from '@/scenes/protocol/profile-ladder';
import type { SegmentRequest } from '@/server/bake/bake-contracts';
import { buildTestRoute } from '../helpers/test-routes';

const WIDTH = 320;
const HEIGHT = 180;
const twinId = vp9TwinOf('720p-cinematic');
if (twinId === null) throw new Error('720p-cinematic has no VP9 twin');
const request: SegmentRequest = {
  route: buildTestRoute('cinematic-vp9-twin'),
  profile: { ...QUALITY_PROFILES['720p-cinematic'], width: WIDTH, height: HEIGHT },
  twin: { ...QUALITY_PROFILES[twinId], width: WIDTH, height: HEIGHT },
  segmentIndex: 0,
  firstFrame: 0,
  frameCount: 4,
};

let pool: ChromiumRendererPool;
before(async () => {
  pool = await createRendererPool({ size: 1 });
});
after(async () => {
  await pool?.close();
});

/** Width and height from a VP9 profile-0 key frame's uncompressed header (VP9 bitstream spec 6.2). */
function vp9KeyFrameSize(frame: Uint8Array): [number, number] {
  let bit = 0;
  const read = (bits: number) => {
    let value = 0;
    for (let i = 0; i < bits; i++, bit++) value = (value << 1) | ((frame[bit >> 3] >> (7 - (bit & 7))) & 1);
    return value;
  };
  assert.equal(read(2), 0b10, 'VP9 frame marker');
  assert.equal(read(2), 0, 'profile 0');
  assert.equal(read(1), 0, 'not a repeated frame');
  assert.equal(read(1), 0, 'a key frame');
  read(2); // show_frame, error_resilient_mode
  assert.equal(read(24), 0x498342, 'VP9 sync code');
  read(4); // colour space and range
  return [read(16) + 1, read(16) + 1];
}

test('one cinematic render gives the VP8 rung and its VP9 twin, frame for frame', async () => {
  const rendered = await pool.renderSegment(request);
  assert.ok(rendered.twinChunks !== undefined, 'the twin was encoded');
  for (const chunks of [rendered.chunks, rendered.twinChunks]) {
    assert.deepEqual(
      chunks.map((chunk) => [chunk.index, chunk.key]),
      [
        [0, true],
        [1, false],
        [2, false],
        [3, false],
      ],
    );
  }
  // VP8's key frame start code and size on the rung, VP9's header and size on the twin.
  const vp8Key = rendered.chunks[0].data;
  assert.deepEqual([...vp8Key.subarray(3, 6)], [0x9d, 0x01, 0x2a]);
  assert.deepEqual([vp8Key[6] | ((vp8Key[7] & 0x3f) << 8), vp8Key[8] | ((vp8Key[9] & 0x3f) << 8)], [WIDTH, HEIGHT]);
  assert.deepEqual(vp9KeyFrameSize(rendered.twinChunks[0].data), [WIDTH, HEIGHT]);
});
