// A viewer starting a stream holds the bake on its machine at once, before the yield's next
// /proc reading could see the stream's load: the first second of a stream is when a bake
// costs a player most (bench:player's "first 33 frames"). The line for readings is set out
// of reach here, so only the join can hold the bake.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NodeStreamViewer } from '@/server/stream/node-stream-viewer';
import {
  ensureStreamFixtureBaked,
  startStreamTestServer,
  STREAM_TEST_REVISION,
  streamTestRoute,
  type StreamTestServer,
} from './stream-test-fixture';

let framesCopy: string;
let server: StreamTestServer;
let viewer: NodeStreamViewer | null = null;

before(async () => {
  const framesDir = await ensureStreamFixtureBaked();
  // The server bakes the route's other profiles: into a copy, so the shared fixture stays as it is.
  framesCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-stream-start-'));
  fs.cpSync(framesDir, framesCopy, { recursive: true });
  server = await startStreamTestServer(framesCopy, { YUNSHAN_BAKE: '1', YUNSHAN_RENDERERS: '1', YUNSHAN_BAKE_YIELD_CORES: '1024' });
});

after(async () => {
  viewer?.close();
  await server?.close();
  if (framesCopy) fs.rmSync(framesCopy, { recursive: true, force: true });
});

async function heldSeconds(): Promise<number> {
  const metrics = await (await fetch(`${server.server.url}/metrics`)).text();
  const match = /^yunshan_bake_held_seconds_total (\S+)$/m.exec(metrics);
  assert.ok(match, 'the render server reports how long its bake was held');
  return Number(match[1]);
}

test('a stream starting holds the bake at once; nothing else holds it', async () => {
  assert.equal(await heldSeconds(), 0, 'with the line out of reach, no reading holds the bake');
  viewer = new NodeStreamViewer({
    url: server.server.url,
    routeId: streamTestRoute.id,
    revision: STREAM_TEST_REVISION,
    profile: '360p',
    transport: 'socket',
    fallbackAfterMs: null,
  });
  await viewer.waitFor(() => viewer?.ready !== null, 30_000, 'the stream to be ready');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.ok((await heldSeconds()) > 0, 'the join held the bake');
});
