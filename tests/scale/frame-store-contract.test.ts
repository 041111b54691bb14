// The frame store contract against both implementations: LocalFrameStore on a temp folder,
// and S3FrameStore against a real S3-compatible server (s3rver, its own process on
// loopback). For object storage, also: the layout that makes retries harmless and readers
// safe (pointers name blobs by SHA-256, each present and intact), and a store opened from
// settings that it cannot use fails at start with a reason.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { BakeKey } from '@/server/bake/bake-contracts';
import { sha256Hex } from '@/server/frame-store/chunk-entry';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { openFrameStore } from '@/server/frame-store/open-frame-store';
import { createS3Client, S3FrameStore } from '@/server/frame-store/s3-frame-store';
import { CONTRACT_KEY, contractChunks, defineFrameStoreContract } from '../helpers/frame-store-contract';
import { S3_TEST_CREDENTIALS, startS3Server, type RunningS3Server } from '../helpers/s3-server';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-store-contract-'));
let s3: RunningS3Server;
let client: S3Client;
const opened: S3FrameStore[] = [];
let storeCount = 0;

before(async () => {
  s3 = await startS3Server();
  client = createS3Client({ ...s3.settings(''), credentials: S3_TEST_CREDENTIALS });
});

after(async () => {
  for (const store of opened) store.close();
  client?.destroy();
  await s3?.stop();
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

function walk(root: string, directory = root): [string, Buffer][] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry): [string, Buffer][] => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(root, full) : [[path.relative(root, full), fs.readFileSync(full)]];
  });
}

function flipLastByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[copy.length - 1] ^= 0x01;
  return copy;
}

defineFrameStoreContract({
  name: 'LocalFrameStore',
  async open() {
    const store = new LocalFrameStore(path.join(tempRoot, `local-${++storeCount}`));
    return {
      store,
      snapshot: async () => new Map(walk(store.root)),
      corruptSegment: async (key, segmentIndex) =>
        fs.writeFileSync(store.segmentPath(key, segmentIndex), flipLastByte(fs.readFileSync(store.segmentPath(key, segmentIndex)))),
      corruptManifest: async (key) => {
        const bytes = fs.readFileSync(store.manifestPath(key));
        fs.writeFileSync(store.manifestPath(key), bytes.subarray(0, bytes.length >> 1));
      },
    };
  },
});

async function getObject(name: string): Promise<Buffer> {
  const response = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: name }));
  return Buffer.from(await response.Body!.transformToByteArray());
}

async function putObject(name: string, bytes: Buffer): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: name, Body: bytes }));
}

/** Every object under the prefix, by name relative to it. */
async function listObjects(prefix: string): Promise<Map<string, Buffer>> {
  const objects = new Map<string, Buffer>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) objects.set(object.Key!.slice(prefix.length), await getObject(object.Key!));
    token = page.NextContinuationToken;
  } while (token !== undefined);
  return objects;
}

/** Replaces the blob a pointer names with `damage(its bytes)`, leaving the pointer as it was. */
async function damageBlob(store: S3FrameStore, pointerParts: string[], damage: (bytes: Buffer) => Buffer): Promise<void> {
  const pointer = await store.objects.readPointer(pointerParts);
  assert.equal(pointer.kind, 'found');
  if (pointer.kind !== 'found') return;
  const name = store.objects.blobName(pointer.blob.sha256);
  await putObject(name, damage(await getObject(name)));
}

async function openS3Store(): Promise<{ store: S3FrameStore; prefix: string }> {
  const prefix = `contract-${++storeCount}/`;
  const store = (await openFrameStore(s3.settings(prefix), { s3Credentials: S3_TEST_CREDENTIALS })).store as S3FrameStore;
  opened.push(store);
  return { store, prefix };
}

defineFrameStoreContract({
  name: 'S3FrameStore on s3rver',
  async open() {
    const { store, prefix } = await openS3Store();
    return {
      store,
      snapshot: () => listObjects(prefix),
      corruptSegment: (key, segmentIndex) => damageBlob(store, store.segmentPointer(key, segmentIndex), flipLastByte),
      corruptManifest: (key) => damageBlob(store, store.manifestPointer(key), (bytes) => bytes.subarray(0, bytes.length >> 1)),
    };
  },
});

describe('S3FrameStore object layout', () => {
  test('each pointer names a blob by the SHA-256 of its bytes, and that blob is there and whole', async () => {
    const { store, prefix } = await openS3Store();
    await Promise.all([0, 1, 2].map((segmentIndex) => store.writeSegment(CONTRACT_KEY, segmentIndex, contractChunks(segmentIndex))));
    await store.writePoster(CONTRACT_KEY.routeId, 2, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    const objects = await listObjects(prefix);
    const pointers = [...objects.keys()].filter((name) => !name.startsWith('blobs/'));
    assert.deepEqual(pointers.sort(), [
      `bakes/${CONTRACT_KEY.sceneVersion}/${CONTRACT_KEY.routeId}/r2/360p/segment-000000.ysg`,
      `bakes/${CONTRACT_KEY.sceneVersion}/${CONTRACT_KEY.routeId}/r2/360p/segment-000001.ysg`,
      `bakes/${CONTRACT_KEY.sceneVersion}/${CONTRACT_KEY.routeId}/r2/360p/segment-000002.ysg`,
      `posters/${CONTRACT_KEY.routeId}/r2.jpg`,
    ]);
    for (const name of pointers) {
      const pointer = JSON.parse(objects.get(name)!.toString('utf8')) as { sha256: string; size: number };
      const blob = objects.get(`blobs/sha256/${pointer.sha256}`);
      assert.ok(blob !== undefined, `${name} names a blob that is not there`);
      assert.equal(sha256Hex(blob), pointer.sha256);
      assert.equal(blob.byteLength, pointer.size);
    }
    assert.equal(objects.size, pointers.length * 2, 'one blob per pointer, nothing else');
  });

  test('a pointer whose blob is gone, or that is not a pointer, is reported as corrupt, not as absent or empty', async () => {
    const { store, prefix } = await openS3Store();
    const key: BakeKey = { ...CONTRACT_KEY, revision: 5 };
    await store.writeSegment(key, 0, contractChunks(0));
    await putObject(
      `${prefix}${store.segmentPointer(key, 1).join('/')}`,
      Buffer.from('{"format":"yunshan-pointer/1","sha256":"' + '0'.repeat(64) + '","size":10}'),
    );
    await putObject(`${prefix}${store.segmentPointer(key, 2).join('/')}`, Buffer.from('<Error>not a pointer</Error>'));
    assert.equal(await store.hasSegment(key, 1), true);
    await assert.rejects(store.readSegment(key, 1), /Corrupt segment 1 .*blob 0{64} is missing/);
    await assert.rejects(store.readSegment(key, 2), /Corrupt segment 2 .*pointer is not JSON/);
    // One flipped bit anywhere in the stored object is reported as corrupt: by the blob's SHA-256, or first by the
    // per-chunk SHA-256 of the segment file, which since YSG2 covers each chunk's header as well as its data.
    await damageBlob(store, store.segmentPointer(key, 0), (bytes) => {
      const damaged = Buffer.from(bytes);
      damaged[Math.floor(damaged.length / 2)] ^= 0x01;
      return damaged;
    });
    await assert.rejects(
      store.readSegment(key, 0),
      /Corrupt (segment 0 .*SHA-256 of the object does not match|chunk \d+ of segment 0 .*SHA-256 mismatch)/,
    );
  });

  test('opening a bucket that does not exist, or with wrong credentials, fails at once with the reason', async () => {
    await assert.rejects(
      openFrameStore({ ...s3.settings('x'), bucket: 'no-such-bucket' }, { s3Credentials: S3_TEST_CREDENTIALS }),
      /bucket "no-such-bucket" is not usable: the bucket does not exist/,
    );
    await assert.rejects(
      openFrameStore(s3.settings('x'), { s3Credentials: { accessKeyId: 'nobody', secretAccessKey: 'wrong' } }),
      /is not usable: access denied/,
    );
  });
});
