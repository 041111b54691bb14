// The player's third transport in Debian Chromium (issue 13, item 1): a render node at its
// WebRTC cap (0 here) hands a new viewer the route's baked segments over plain HTTP instead of
// 'busy', and the tour plays on them: frames in order on the flight clock, a seek that lands,
// the stats panel and the test handle saying 'http', and the render server's own counters
// showing the hand-off and the segment GETs while it holds no stream at all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startCloudStreamFixture, type CloudStreamFixture } from '../helpers/cloud-stream-fixture';

/** Bounds hangs (a cold Chromium, a loaded CI machine), not speed. */
const STREAM_TIMEOUT_MS = 30_000;

let fixture: CloudStreamFixture;
let browser: Browser;

before(async () => {
  fixture = await startCloudStreamFixture({ log: (line) => console.log(`# ${line}`) });
  await fixture.restartRenderServer({ YUNSHAN_STREAM_MAX_SESSIONS: '0' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await fixture?.stop();
});

/** A counter's value in the render server's Prometheus text (0 when absent). */
async function metric(name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${fixture.render.url}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith(`${name}${labels} `));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

describe('a render node at its WebRTC cap', () => {
  test('hands a new viewer HTTP segments, and the tour plays, seeks and says so', async () => {
    const segmentGets = '{kind="segment",status="200"}';
    const handoffsBefore = await metric('yunshan_stream_http_handoffs_total');
    const getsBefore = await metric('yunshan_http_segment_requests_total', segmentGets);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en' }));
      await page.waitForFunction(() => (window.__yunshanCloud?.framesShown ?? 0) > 0, undefined, { timeout: STREAM_TIMEOUT_MS });
      assert.equal(await page.evaluate(() => window.__yunshanCloud!.transport), 'http');
      assert.equal(await page.getByTestId('cloud-status').count(), 0, 'no busy card: the flight is ready to start');

      // Play: sample the frame on the canvas every animation frame until the clock passes 3 s.
      await page.evaluate(`(() => {
        const seen = [];
        window.__shownOrder = seen;
        function sample() {
          const index = window.__yunshanCloud?.lastShownFrameIndex ?? -1;
          if (seen.at(-1) !== index) seen.push(index);
          requestAnimationFrame(sample);
        }
        requestAnimationFrame(sample);
        window.__yunshanPlayer.play();
      })()`);
      await page.waitForFunction(() => window.__yunshanPlayer!.timeS() > 3, undefined, { timeout: STREAM_TIMEOUT_MS });
      const shown = await page.evaluate(() => (window as unknown as { __shownOrder: number[] }).__shownOrder);
      assert.ok(shown.length > 10, `the picture moved on (${shown.length} distinct frames)`);
      shown.slice(1).forEach((index, i) => assert.ok(index > shown[i], `frame ${index} shown after frame ${shown[i]}: frames go forward`));
      assert.ok(shown.at(-1)! >= 60, `frames follow the clock past 2 s (last ${shown.at(-1)})`);

      // Pause and seek: the feed starts again at the segment holding the frame and lands on it.
      await page.evaluate(() => {
        window.__yunshanPlayer!.pause();
        window.__yunshanPlayer!.seek(12.5);
      });
      await page.waitForFunction(() => window.__yunshanCloud!.lastShownFrameIndex === 375, undefined, {
        timeout: STREAM_TIMEOUT_MS,
        polling: 50,
      });

      await page.keyboard.press('s');
      await page.getByTestId('cloud-stats').waitFor();
      assert.match(await page.getByTestId('cloud-stats').innerText(), /HTTP segments/);

      const requests = await page.evaluate(() => window.__yunshanCloud!.httpRequests);
      assert.ok(requests.manifest >= 1 && requests.segment >= 3, `the page fetched the manifest and segments: ${JSON.stringify(requests)}`);
      assert.equal(await metric('yunshan_stream_http_handoffs_total'), handoffsBefore + 1, 'the join was handed to HTTP once');
      const gets = (await metric('yunshan_http_segment_requests_total', segmentGets)) - getsBefore;
      assert.ok(gets >= 3, `the render server served the segments over HTTP (${gets} GETs)`);
      assert.equal(fixture.render.stream.sessionCount(), 0, 'and holds no stream for this viewer');
    } finally {
      await context.close();
    }
  });
  test("Auto climbs over a fast link by itself, from the larger profile's own segments, and the picture goes on through the switch", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await context.newPage();
      await page.goto(fixture.tourUrl({ render: 'cloud', lang: 'en' }));
      await page.waitForFunction(() => (window.__yunshanCloud?.framesShown ?? 0) > 0, undefined, { timeout: STREAM_TIMEOUT_MS });
      assert.equal(await page.evaluate(() => window.__yunshanCloud!.transport), 'http');
      assert.match((await page.evaluate(() => window.__yunshanCloud!.profile)) ?? '', /^360p/, 'a stream starts at the cheapest rung');

      // Play, and note every frame shown with the picture's width, until a 540p frame has shown for a while.
      await page.evaluate(`(() => {
        const seen = [];
        window.__shownSizes = seen;
        function sample() {
          const cloud = window.__yunshanCloud;
          const index = cloud?.lastShownFrameIndex ?? -1;
          if (seen.at(-1)?.index !== index) seen.push({ index, width: cloud.stats().width });
          requestAnimationFrame(sample);
        }
        requestAnimationFrame(sample);
        window.__yunshanPlayer.play();
      })()`);
      await page.waitForFunction(
        () => {
          const seen = (window as unknown as { __shownSizes: { index: number; width: number }[] }).__shownSizes;
          return seen.filter((frame) => frame.width === 960).length >= 30;
        },
        undefined,
        { timeout: 45_000 },
      );
      const shown = await page.evaluate(() => (window as unknown as { __shownSizes: { index: number; width: number }[] }).__shownSizes);
      const firstLarge = shown.findIndex((frame) => frame.width === 960);
      assert.ok(firstLarge > 0 && shown[firstLarge - 1].width === 640, 'it showed 360p frames first, then 540p ones');
      shown
        .slice(1)
        .forEach((frame, i) => assert.ok(frame.index > shown[i].index, `frame ${frame.index} after ${shown[i].index}: frames go forward`));
      // A switch at a segment boundary: the first larger frame follows the last smaller one as the clock runs, not after a jump.
      const jump = shown[firstLarge].index - shown[firstLarge - 1].index;
      assert.ok(jump <= 15, `the first 540p frame (${shown[firstLarge].index}) follows the last 360p one (${shown[firstLarge - 1].index})`);
      assert.match((await page.evaluate(() => window.__yunshanCloud!.profile)) ?? '', /^540p/);
      assert.equal(await page.evaluate(() => window.__yunshanCloud!.transport), 'http', 'still on HTTP');

      // The larger frames came from the larger profile's own segment URLs, fetched by the page.
      const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      assert.ok(
        urls.some((url) => /\/540p(-vp9)?\//.test(url)),
        `a 540p manifest or segment was fetched: ${urls
          .filter((url) => url.includes('/bakes/'))
          .slice(0, 4)
          .join(', ')}`,
      );
      assert.equal(fixture.render.stream.sessionCount(), 0, 'and the node holds no stream for this viewer');
    } finally {
      await context.close();
    }
  });
});
