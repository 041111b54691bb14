// The curator studio with a Tianmen Mountain route, end to end in Chromium against the real
// production server: a curator duplicates the curated Heaven's Gate flythrough, opens the copy,
// sees Tianmen's relief and landmarks on the map (not Wulingyuan's), no errors, a drawing 3D
// preview, a keyframe dragged into the massif flagged in plain words, and undo making it clean.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Route } from '@/scenes/routes/route-schema';
import { parseRoute } from '@/scenes/routes/parse-route';
import { samplePath } from '@/scenes/routes/pose';
import { validateRoute } from '@/scenes/routes/validate-route';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { LANDMARKS } from '@/scenes/world/landmarks';
import { createSceneWorld, type AnySceneWorld } from '@/scenes/world/scene-worlds';
import { TIANMEN_MASSIF } from '@/scenes/world/tianmen-landmarks';
import { moveKeyframe } from '@/components/studio/route-draft-edits';
import { buildReliefImage, type ReliefImage } from '@/components/studio/relief-image';
import { samplePixels } from '../helpers/page-pixels';
import type { RunningNextServer } from '../helpers/next-server';
import { signInToStudio, startStudioFixture, type StudioFixture } from '../helpers/studio-fixture';
import { mapGeometry, toClient, toMapPx, type MapGeometry } from '../helpers/studio-map';

const CURATOR = { email: 'lin.curator@bureau.example', password: 'a gate in the clouds 999' };
const SOURCE_ROUTE_ID = 'heavens-gate-flythrough';
const SCENE_READY_TIMEOUT_MS = 45_000;
/** The relief picture's size in RouteMap.tsx: the expected colours are computed at the same resolution. */
const RELIEF_SIZE_PX = 512;
/** The keyframe dragged into the massif: the second, on the valley approach far below the plateau top. */
const MOVED_KEYFRAME = 1;

let studio: StudioFixture;
let server: RunningNextServer;
let browser: Browser;
const tianmen = createSceneWorld('tianmen');
const wulingyuan = createSceneWorld('wulingyuan');

before(async () => {
  studio = await startStudioFixture(CURATOR, 'studio-tianmen-e2e');
  ({ server, browser } = studio);
});

after(async () => {
  await studio?.stop();
});

function curatedRoute(id: string): Route {
  const input = CURATED_ROUTES.find((r) => r.id === id);
  assert.ok(input, `curated route ${id} exists`);
  const parsed = parseRoute(input);
  assert.ok(parsed.ok, `curated route ${id} parses`);
  return parsed.route;
}

/**
 * A spot well inside the plateau (halfway from its centre to its western rim), checked to be
 * deep in rock at the keyframe's altitude for every point a click could round to nearby, and
 * reported by validation on that keyframe with the same words each time.
 */
function cliffDropFor(route: Route, world: AnySceneWorld): { x: number; z: number; messagePattern: RegExp } {
  const x = TIANMEN_MASSIF.centreX - TIANMEN_MASSIF.radiusXM / 2;
  const z = TIANMEN_MASSIF.centreZ;
  const altitudeM = route.keyframes[MOVED_KEYFRAME].position[1];
  const messagePattern = new RegExp(
    `^Keyframe ${MOVED_KEYFRAME + 1} is inside the ground \\(\\d+ m deep\\); keep at least \\d+ m clear\\.$`,
  );
  for (let dx = -40; dx <= 40; dx += 20) {
    for (let dz = -40; dz <= 40; dz += 20) {
      assert.ok(world.clearanceAt([x + dx, altitudeM, z + dz]) < -200, `(${x + dx}, ${altitudeM}, ${z + dz}) is deep inside the massif`);
      const moved = moveKeyframe(route, MOVED_KEYFRAME, x + dx, z + dz, false);
      const issue = validateRoute(moved, world).find((i) => i.code === 'keyframe-clearance' && i.keyframeIndex === MOVED_KEYFRAME);
      assert.ok(issue && issue.severity === 'error', 'a keyframe inside the massif is an error');
      assert.match(issue.message.en, messagePattern);
    }
  }
  return { x, z, messagePattern };
}

/** RGB of the map canvas at map-local CSS pixels (the canvas is drawn at devicePixelRatio). */
async function mapPixels(page: Page, points: ReadonlyArray<[number, number]>): Promise<Array<[number, number, number]>> {
  return page.getByTestId('studio-map').evaluate((el, pts) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('the map has no 2d context');
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    return pts.map(([px, py]) => {
      const d = ctx.getImageData(Math.floor(px * scale), Math.floor(py * scale), 1, 1).data;
      return [d[0], d[1], d[2]] as [number, number, number];
    });
  }, points);
}

/** The relief's colour at a world point as the map draws it: the picture scaled up with bilinear smoothing. */
function reliefColourAt(relief: ReliefImage, halfExtentM: number, x: number, z: number): [number, number, number] {
  const u = ((x + halfExtentM) / (2 * halfExtentM)) * relief.sizePx - 0.5;
  const v = ((z + halfExtentM) / (2 * halfExtentM)) * relief.sizePx - 0.5;
  const clamp = (i: number) => Math.max(0, Math.min(relief.sizePx - 1, i));
  const u0 = Math.floor(u);
  const v0 = Math.floor(v);
  const fu = u - u0;
  const fv = v - v0;
  const at = (col: number, row: number, channel: number) => relief.pixels[(clamp(row) * relief.sizePx + clamp(col)) * 4 + channel];
  return [0, 1, 2].map(
    (c) =>
      (at(u0, v0, c) * (1 - fu) + at(u0 + 1, v0, c) * fu) * (1 - fv) + (at(u0, v0 + 1, c) * (1 - fu) + at(u0 + 1, v0 + 1, c) * fu) * fv,
  ) as [number, number, number];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * World points on the map away from everything drawn over the relief (the route, its look-at
 * targets and sights, every landmark's dot and label), where the canvas shows the relief alone.
 */
function bareReliefPoints(map: MapGeometry, route: Route, halfExtentM: number): Array<[number, number]> {
  const overlays: Array<[number, number]> = [
    ...samplePath(route, 0.5).map((s) => [s.position[0], s.position[2]] as [number, number]),
    ...route.keyframes.map((k) => [k.lookAt[0], k.lookAt[2]] as [number, number]),
    ...route.pointsOfInterest.map((p) => [p.position[0], p.position[2]] as [number, number]),
  ].map(([x, z]) => toMapPx(map, x, z));
  const labels = Object.values(LANDMARKS).map((l) => toMapPx(map, l.x, l.z));
  const points: Array<[number, number]> = [];
  for (let x = -halfExtentM + 150; x < halfExtentM; x += 300) {
    for (let z = -halfExtentM + 150; z < halfExtentM; z += 300) {
      const [px, py] = toMapPx(map, x, z);
      if (px < 2 || py < 2 || px > map.widthPx - 2 || py > map.heightPx - 2) continue;
      if (overlays.some(([ox, oy]) => Math.hypot(px - ox, py - oy) < 30)) continue;
      // Sight labels run to the right of their star; landmark labels right of and above their dot.
      if (overlays.some(([ox, oy]) => px > ox && px < ox + 220 && Math.abs(py - oy) < 16)) continue;
      if (labels.some(([lx, ly]) => px > lx - 12 && px < lx + 260 && py > ly - 26 && py < ly + 12)) continue;
      points.push([x, z]);
    }
  }
  return points;
}

/** Pixels in a landmark's label band drawn in the landmark colour (#fff6dc): nothing else on the map is that pale. */
async function landmarkLabelPixels(page: Page, map: MapGeometry, x: number, z: number): Promise<number> {
  const [lx, ly] = toMapPx(map, x, z);
  const band: Array<[number, number]> = [];
  for (let px = lx + 14; px < Math.min(map.widthPx - 1, lx + 160); px += 1) {
    for (let py = ly - 15; py <= ly - 6; py += 1) band.push([px, py]);
  }
  const pixels = await mapPixels(page, band);
  return pixels.filter(([r, g, b]) => r >= 250 && g >= 240 && b >= 212).length;
}

async function errorCount(page: Page): Promise<number> {
  return page.locator('[data-testid="route-issue"][data-severity="error"]').count();
}

describe('curator studio with a Tianmen Mountain route', () => {
  test(
    'a duplicate of the Heaven’s Gate flythrough opens on Tianmen, validates, previews, flags a keyframe in the cliff and undoes clean',
    { timeout: 90_000 },
    async (t) => {
      const source = curatedRoute(SOURCE_ROUTE_ID);
      assert.equal(source.scene, 'tianmen');
      assert.deepEqual(
        validateRoute(source, tianmen).filter((i) => i.severity === 'error'),
        [],
        'the curated route is clean in Node',
      );
      const drop = cliffDropFor(source, tianmen);

      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'en-US',
        extraHTTPHeaders: { 'Accept-Language': 'en-US' },
      });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));

      await signInToStudio(page, server.baseUrl, CURATOR);

      // Duplicating the curated route adds a draft copy to the list.
      const sourceRow = page.locator(`[data-testid="studio-route"][data-route-id="${SOURCE_ROUTE_ID}"]`);
      await sourceRow.getByTestId('duplicate-route').click();
      const copyRow = page.locator('[data-testid="studio-route"][data-route-id^="through-heaven-s-gate-"]');
      await copyRow.waitFor();
      const copyId = (await copyRow.getAttribute('data-route-id'))!;
      assert.match(copyId, /^through-heaven-s-gate-[0-9a-f]{6}$/);
      assert.equal(await copyRow.getAttribute('data-status'), 'draft');
      assert.match((await copyRow.textContent()) ?? '', /Through Heaven’s Gate \(copy\)/);

      await copyRow.getByRole('link', { name: 'Through Heaven’s Gate (copy)' }).click();
      await page.waitForURL(`**/studio/routes/${copyId}`);
      await page.getByTestId('studio-map').waitFor();
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="studio-map"]')?.getAttribute('data-px-per-m')) > 0);

      // Every keyframe is a chip; the copy is the validated curated route, so no errors.
      assert.equal(await page.getByTestId('keyframe-chip').count(), source.keyframes.length);
      await page.locator('[data-testid="issue-list"][data-errors="0"]').waitFor();
      assert.equal(await errorCount(page), 0);

      // The map draws Tianmen: its relief where the relief shows alone, matching Tianmen's heights far better than Wulingyuan's.
      await page.getByRole('button', { name: 'Show the whole scene' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="studio-map"]')?.getAttribute('data-center-x') === '0');
      const map = await mapGeometry(page);
      const half = tianmen.halfExtentM;
      const points = bareReliefPoints(map, source, half);
      assert.ok(points.length >= 100, `enough bare relief to compare (${points.length} points)`);
      const shown = await mapPixels(
        page,
        points.map(([x, z]) => toMapPx(map, x, z)),
      );
      const tianmenRelief = buildReliefImage(tianmen.heightAt, half, RELIEF_SIZE_PX);
      const wulingyuanRelief = buildReliefImage(wulingyuan.heightAt, wulingyuan.halfExtentM, RELIEF_SIZE_PX);
      const errorAgainst = (relief: ReliefImage, extentM: number) =>
        median(
          points.map(
            ([x, z], i) => reliefColourAt(relief, extentM, x, z).reduce((sum, channel, c) => sum + Math.abs(channel - shown[i][c]), 0) / 3,
          ),
        );
      const tianmenError = errorAgainst(tianmenRelief, half);
      const wulingyuanError = errorAgainst(wulingyuanRelief, wulingyuan.halfExtentM);
      t.diagnostic(
        `relief median error: Tianmen ${tianmenError.toFixed(1)}, Wulingyuan ${wulingyuanError.toFixed(1)} levels over ${points.length} points`,
      );
      const lumas = shown.map(([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b);
      assert.ok(Math.max(...lumas) - Math.min(...lumas) > 40, 'the relief is drawn, not a blank map');
      assert.ok(tianmenError < 8, `the map's relief is Tianmen's (median error ${tianmenError.toFixed(1)} levels)`);
      assert.ok(wulingyuanError > 3 * tianmenError + 10, `and not Wulingyuan's (median error ${wulingyuanError.toFixed(1)} levels)`);

      // Tianmen's landmarks are marked and labelled, Heaven's Gate included; Wulingyuan's are not.
      for (const landmark of Object.values(LANDMARKS)) {
        const labelled = await landmarkLabelPixels(page, map, landmark.x, landmark.z);
        t.diagnostic(`${landmark.id}: ${labelled} label pixels`);
        if (landmark.scene === 'tianmen') assert.ok(labelled > 20, `${landmark.id} is labelled on the map (${labelled} label pixels)`);
        else assert.ok(labelled < 3, `${landmark.id} is not on a Tianmen map (${labelled} label pixels)`);
      }

      // The live preview draws the Tianmen scene.
      await page.getByTestId('preview-start').click();
      const previewCanvas = page.locator('[data-testid="studio-preview"] [data-ready="true"]');
      await previewCanvas.waitFor({ timeout: SCENE_READY_TIMEOUT_MS });
      const preview = await samplePixels(page, previewCanvas);
      t.diagnostic(`preview luma std dev ${preview.lumaStdDev.toFixed(1)}`);
      assert.ok(preview.lumaStdDev > 5, `the preview shows a picture, not a blank (luma std dev ${preview.lumaStdDev.toFixed(1)})`);

      // Dragging keyframe 2 into the massif flags it, in plain words, on that keyframe.
      const from = toClient(map, source.keyframes[MOVED_KEYFRAME].position[0], source.keyframes[MOVED_KEYFRAME].position[2]);
      const to = toClient(map, drop.x, drop.z);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
      await page.mouse.up();
      const cliffIssue = page.locator(`[data-testid="route-issue"][data-code="keyframe-clearance"][data-keyframe="${MOVED_KEYFRAME}"]`);
      await cliffIssue.waitFor();
      assert.match((await cliffIssue.locator('span').nth(1).textContent()) ?? '', drop.messagePattern);
      assert.equal(await page.getByTestId('publish').isDisabled(), true, 'a route through the cliff cannot be published');
      // Choosing the issue picks out that keyframe.
      await page.getByRole('button', { name: 'Route settings' }).click();
      await cliffIssue.click();
      assert.equal(await page.getByTestId('keyframe-chip').nth(MOVED_KEYFRAME).getAttribute('data-active'), 'true');

      // One undo puts the keyframe back: no errors, and the saved draft is the curated route again.
      await page.getByTestId('undo').click();
      await cliffIssue.waitFor({ state: 'detached' });
      await page.locator('[data-testid="issue-list"][data-errors="0"]').waitFor();
      await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 20_000 });
      const draft = await page.evaluate(
        async (id) => (await (await fetch(`/api/studio/routes/${id}`)).json()) as { route: { route: Route } },
        copyId,
      );
      assert.deepEqual(draft.route.route.keyframes, source.keyframes);
      assert.equal(await errorCount(page), 0);
      assert.deepEqual(pageErrors, []);
      await context.close();
    },
  );
});
