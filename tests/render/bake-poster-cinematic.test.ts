// Posters through a real renderer pool and frame store: the first bake of a revision leaves a
// poster at the pool's tier, a later standard bake keeps it, and the cinematic bake replaces it
// with the cinematic tier's still of the same moment, which no standard re-bake overwrites.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRendererPool, type ChromiumRendererPool } from '@/server/render/renderer-pool';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { bakePosterAfter, POSTER_HEIGHT_PX, POSTER_WIDTH_PX, posterTimeS } from '@/server/bake/bake-poster';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';

const route = CURATED_ROUTES.find((candidate) => candidate.id === 'first-bridge-pass');
if (!route) throw new Error('the curated First Bridge route is missing');
const REVISION = 3;

let pool: ChromiumRendererPool;
let dir: string;
before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yunshan-poster-'));
  pool = await createRendererPool({ size: 1, tier: 'phone' });
});
after(async () => {
  await pool?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the poster of a route revision', () => {
  test('comes from the pool tier first, then from the cinematic bake, and stays cinematic', async () => {
    const store = new LocalFrameStore(dir);
    assert.equal(await bakePosterAfter(route, REVISION, '360p', pool, store), 'pool');
    const standard = await store.readPoster(route.id, REVISION);
    assert.ok(standard !== null && standard.length > 10_000, 'a standard poster was stored');

    assert.equal(await bakePosterAfter(route, REVISION, '540p', pool, store), null, 'a later standard bake keeps the poster');
    assert.deepEqual(await store.readPoster(route.id, REVISION), standard);

    assert.equal(await bakePosterAfter(route, REVISION, '720p-cinematic', pool, store), 'cinematic');
    const cinematic = await store.readPoster(route.id, REVISION);
    assert.ok(cinematic !== null);
    assert.ok(!Buffer.from(cinematic).equals(Buffer.from(standard)), 'the cinematic bake replaced the poster');
    // The cinematic tier is deterministic per backend: the same still drawn directly is the same bytes.
    const direct = await pool.renderStill(route, posterTimeS(route), POSTER_WIDTH_PX, POSTER_HEIGHT_PX, 'jpeg', 'cinematic');
    assert.ok(Buffer.from(cinematic).equals(Buffer.from(direct)), 'the poster is the cinematic still of the poster moment');

    assert.equal(await bakePosterAfter(route, REVISION, '360p', pool, store), null, 'a standard re-bake leaves the cinematic poster');
    assert.deepEqual(await store.readPoster(route.id, REVISION), cinematic);

    // Kept for a look: the two posters of this run.
    if (process.env.YUNSHAN_POSTER_OUT) {
      writeFileSync(path.join(process.env.YUNSHAN_POSTER_OUT, 'poster-standard.jpg'), standard);
      writeFileSync(path.join(process.env.YUNSHAN_POSTER_OUT, 'poster-cinematic.jpg'), cinematic);
    }
  });
});
