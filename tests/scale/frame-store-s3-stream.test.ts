// Frames in object storage end to end: `npm run bake` with YUNSHAN_FRAME_STORE=s3 bakes a
// 20 s test route at 360p with the real renderer into a real S3-compatible server (s3rver on
// loopback), and the render server, set to the same bucket, streams it to a Node viewer
// byte for byte as stored. A segment damaged in the bucket is reported to the viewer, and
// none of its frames is sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { BakeKey } from '@/server/bake/bake-contracts';
import { FRAMES_PER_SEGMENT } from '@/scenes/protocol/frame-timing';
import { currentSceneVersion } from '@/server/bake/scene-version';
import { openDatabase } from '@/server/db/database';
import { silentLogger } from '@/server/log';
import { openFrameStore, type OpenedFrameStore } from '@/server/frame-store/open-frame-store';
import { createS3Client, type S3FrameStore } from '@/server/frame-store/s3-frame-store';
import { startRenderServer, type RunningRenderServer } from '@/server/render-server';
import { loadRenderServerConfig } from '@/server/render-server-config';
import { createSqliteRouteStore } from '@/server/routes/route-store';
import { NodeStreamViewer } from '@/server/stream/node-stream-viewer';
import { S3_TEST_CREDENTIALS, startS3Server, type RunningS3Server } from '../helpers/s3-server';
import { buildTestRoute } from '../helpers/test-routes';
import { streamTestRoute } from '../render/stream-test-fixture';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const PREFIX = 'farm/frames';
/** The streaming tests' 20 s flight (601 frames, 21 segments) under its own id. */
const route = buildTestRoute('s3-stream', { durationS: streamTestRoute.durationS, keyframes: streamTestRoute.keyframes });
const key: BakeKey = { sceneVersion: currentSceneVersion(), routeId: route.id, revision: 1, profileId: '360p' };

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-s3-stream-'));
const dbPath = path.join(tempDir, 'yunshan.sqlite');
let s3: RunningS3Server;
let frames: OpenedFrameStore | null = null;
let server: RunningRenderServer | null = null;
let viewer: NodeStreamViewer | null = null;

before(async () => {
  s3 = await startS3Server();
  // The render server runs in this process and finds credentials the standard way.
  process.env.AWS_ACCESS_KEY_ID = S3_TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = S3_TEST_CREDENTIALS.secretAccessKey;
  const routes = createSqliteRouteStore(openDatabase(dbPath));
  await routes.seedPublished([route]);
  routes.close();
});

after(async () => {
  viewer?.close();
  await server?.close();
  await frames?.close();
  await s3?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

function runBake(): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, YUNSHAN_DB_PATH: dbPath, ...s3.env(PREFIX) };
  delete env.YUNSHAN_FRAMES_DIR;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bake.ts', route.id, '--profile', '360p', '--no-poster'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr.on('data', (data: Buffer) => (output += data.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('frames in S3-compatible object storage, baked and streamed', { concurrency: false }, () => {
  test(
    'npm run bake with YUNSHAN_FRAME_STORE=s3 stores every segment and the manifest in the bucket',
    { timeout: 15 * 60_000 },
    async () => {
      const baked = await runBake();
      assert.equal(baked.code, 0, baked.output);
      assert.match(baked.output, /frames in s3:\/\/yunshan-frames\/farm\/frames\//);
      frames = await openFrameStore(s3.settings(PREFIX), { s3Credentials: S3_TEST_CREDENTIALS });
      const manifest = await frames.store.readManifest(key);
      assert.ok(manifest !== null, 'the manifest is in the bucket');
      assert.equal(manifest.frameCount, 601);
      assert.equal(manifest.segmentCount, 21);
      for (let segmentIndex = 0; segmentIndex < manifest.segmentCount; segmentIndex++)
        assert.ok(await frames.store.hasSegment(key, segmentIndex), `segment ${segmentIndex}`);
    },
  );

  test('the render server streams the route from the bucket, each frame the bytes stored there', { timeout: 120_000 }, async () => {
    assert.ok(frames !== null, 'baked by the test before');
    const config = loadRenderServerConfig({
      YUNSHAN_DB_PATH: dbPath,
      YUNSHAN_RENDER_PORT: '0',
      YUNSHAN_BAKE: '0',
      YUNSHAN_STREAM_RESUME_GRACE_MS: '0',
      ...s3.env(PREFIX),
    });
    assert.equal(config.frameStore.kind, 's3');
    server = await startRenderServer(config, silentLogger());
    viewer = new NodeStreamViewer({
      url: server.url,
      routeId: route.id,
      revision: 1,
      profile: '360p',
      transport: 'socket',
      fallbackAfterMs: null,
      recordFrames: true,
    });
    await viewer.waitFor(() => viewer!.lastReceivedFrame >= 2 * FRAMES_PER_SEGMENT - 1, 60_000, 'two seconds of frames');
    assert.equal(viewer.ready?.frameCount, 601);
    const stored = [...(await frames.store.readSegment(key, 0)), ...(await frames.store.readSegment(key, 1))];
    const received = viewer.framesOfEpoch(0).slice(0, stored.length);
    assert.deepEqual(
      received.map((frame) => frame.frameIndex),
      stored.map((chunk) => chunk.index),
    );
    received.forEach((frame, i) =>
      assert.ok(Buffer.from(frame.data).equals(Buffer.from(stored[i].data)), `frame ${frame.frameIndex} differs from the stored chunk`),
    );
    assert.ok(received[0].key, 'starts on a keyframe');
  });

  test('a segment damaged in the bucket is reported to the viewer and none of its frames is sent', { timeout: 60_000 }, async () => {
    assert.ok(frames !== null && viewer !== null, 'streaming since the test before');
    const store = frames.store as S3FrameStore;
    const pointer = await store.objects.readPointer(store.segmentPointer(key, 5));
    assert.ok(pointer.kind === 'found');
    const client = createS3Client({ ...s3.settings(PREFIX), credentials: S3_TEST_CREDENTIALS });
    try {
      const blobName = store.objects.blobName(pointer.blob.sha256);
      const blob = Buffer.from(
        await (await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: blobName }))).Body!.transformToByteArray(),
      );
      blob[blob.length - 1] ^= 0x01;
      await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: blobName, Body: blob }));
    } finally {
      client.destroy();
    }
    viewer.seek(5);
    await viewer.waitFor(() => viewer!.errors.some((error) => error.code === 'frame-store'), 30_000, 'the frame store error');
    assert.match(viewer.errors.find((error) => error.code === 'frame-store')!.message, /Corrupt chunk 179 of segment 5 .*SHA-256 mismatch/);
    const damaged = viewer.frames.filter(
      (frame) => frame.frameIndex >= 5 * FRAMES_PER_SEGMENT && frame.frameIndex < 6 * FRAMES_PER_SEGMENT,
    );
    assert.deepEqual(damaged, [], 'no frame of the damaged segment');
  });
});
