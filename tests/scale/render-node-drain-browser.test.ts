// A drained render node moves a playing Chromium viewer to another node (issue 13, items 1-2):
// two real render node processes on one real redis-server, the real Next production server
// whose Content-Security-Policy lists both nodes (YUNSHAN_RENDER_NODE_URLS), and a tour page
// playing over the stream. SIGTERM to the page's node: it names the other node, the page opens
// a socket there and joins at the clock's time, and the flight plays on there, never showing an
// earlier frame than one already shown. Nothing here asserts speed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { freeLoopbackPort } from '../helpers/free-port';
import { bakeHttpTestRoute, type BakedHttpRoute } from '../helpers/http-segment-origin';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';
import { startRedisServer, type RunningRedis } from '../helpers/redis-server';
import { startRenderNodeProcess, type RenderNodeProcess } from '../helpers/render-node-process';

/** Bounds hangs (a cold Chromium, a loaded CI machine), not speed. */
const WAIT_MS = 30_000;

let redis: RunningRedis;
let baked: BakedHttpRoute;
let next: RunningNextServer;
let browser: Browser;
const nodes: RenderNodeProcess[] = [];

/** A gauge or counter from a node's Prometheus text (0 when absent). */
async function metric(node: RenderNodeProcess, name: string): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith(`${name} `));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

before(async () => {
  redis = await startRedisServer();
  baked = await bakeHttpTestRoute('360p', (line) => console.log(`# ${line}`));
  // Next's policy must name both nodes before either starts: their ports are taken first.
  const urls = [await freeLoopbackPort(), await freeLoopbackPort()].map((port) => `http://127.0.0.1:${port}`);
  next = await startNextServer({
    dbPath: baked.dbPath,
    env: {
      // The web app asks node A which node has room (from the registry) and lets the browser reach either.
      YUNSHAN_RENDER_INTERNAL_URL: urls[0],
      YUNSHAN_PUBLIC_RENDER_URL: urls[0],
      YUNSHAN_RENDER_NODE_URLS: urls.join(','),
    },
  });
  for (const url of urls) {
    const port = Number(new URL(url).port);
    nodes.push(
      await startRenderNodeProcess(url, {
        ...baked.renderEnv(port, next.baseUrl),
        YUNSHAN_REDIS_URL: redis.url,
        YUNSHAN_FARM_PREFIX: 'nodes-browser',
        YUNSHAN_PUBLIC_RENDER_URL: url,
        YUNSHAN_DRAIN_MS: String(WAIT_MS),
      }),
    );
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(nodes.map((node) => node.kill()));
  await next?.stop();
  await redis?.stop();
  baked?.cleanUp();
});

describe('a drained render node and a playing browser', () => {
  test("SIGTERM to the page's node: the page plays on on the other node, frames only going forward", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await context.newPage();
      await page.goto(`${next.baseUrl}/tours/${baked.key.routeId}?render=cloud&lang=en`);
      await page.waitForFunction(() => (window.__yunshanCloud?.framesShown ?? 0) > 0, undefined, { timeout: WAIT_MS });
      const first = await page.evaluate(() => ({ url: window.__yunshanCloud!.renderUrl, transport: window.__yunshanCloud!.transport }));
      assert.notEqual(first.transport, 'http', 'the stream, not HTTP segments');
      const from = nodes.find((node) => node.url === first.url);
      const to = nodes.find((node) => node.url !== first.url)!;
      assert.ok(from !== undefined, `the page streams from one of the nodes (${first.url})`);

      // Every distinct frame put on the canvas, in order, and the node streaming at each.
      await page.evaluate(`(() => {
        const seen = [];
        window.__shown = seen;
        function sample() {
          const cloud = window.__yunshanCloud;
          const index = cloud?.lastShownFrameIndex ?? -1;
          if (cloud && seen.at(-1)?.index !== index) seen.push({ index, url: cloud.renderUrl });
          requestAnimationFrame(sample);
        }
        requestAnimationFrame(sample);
        window.__yunshanPlayer.play();
      })()`);
      await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 2, undefined, { timeout: WAIT_MS });

      from.child.kill('SIGTERM');
      await page.waitForFunction((url) => window.__yunshanCloud?.renderUrl === url, to.url, { timeout: WAIT_MS });
      const movedAt = await page.evaluate(() => window.__yunshanCloud!.lastShownFrameIndex);
      // Past whatever the page had buffered from the first node: these frames came from the second.
      await page.waitForFunction((frame) => (window.__yunshanCloud?.lastShownFrameIndex ?? -1) > frame, movedAt + 90, { timeout: WAIT_MS });

      const after = await page.evaluate(() => ({
        transport: window.__yunshanCloud!.transport,
        playing: window.__yunshanPlayer!.playing(),
        shown: (window as unknown as { __shown: { index: number; url: string }[] }).__shown,
      }));
      assert.notEqual(after.transport, 'http', 'moved to the node, not to HTTP segments');
      assert.equal(after.playing, true, 'the flight plays on');
      const shown = after.shown.filter((sample) => sample.index >= 0);
      shown
        .slice(1)
        .forEach((sample, i) =>
          assert.ok(sample.index > shown[i].index, `frame ${sample.index} shown after frame ${shown[i].index}: no step back in time`),
        );
      assert.ok(
        shown.some((sample) => sample.url === to.url) && shown.some((sample) => sample.url === from.url),
        'frames shown from both nodes',
      );
      assert.equal(await metric(to, 'yunshan_stream_sessions'), 1, "the other node holds the page's stream now");
      assert.ok((await metric(to, 'yunshan_stream_frames_sent_total')) > 0, 'and sends it frames');

      // With its viewer gone, the drained node finishes and exits cleanly.
      assert.equal(await from.exited, 0, from.output());
      assert.match(from.output(), /drained: 1 viewer\(s\) moved, 0 cut/);
    } finally {
      await context.close();
    }
  });
});
