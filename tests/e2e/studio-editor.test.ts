// The curator studio end to end in Chromium against the real production server: a
// curator signs in, creates a route, adds keyframes and sights by clicking on the map,
// sees the keyframe dropped on a pillar flagged, drags it clear, previews, publishes and
// watches the bake progress (it stays "queued": the render server beside it bakes nothing), and
// a tourist then finds the route in the catalogue and plays it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Route } from '@/scenes/routes/route-schema';
import { hasErrors, validateRoute } from '@/scenes/routes/validate-route';
import { createWorld, type World } from '@/scenes/world/world';
import { appendKeyframe, moveKeyframe, starterRoute } from '@/components/studio/route-draft-edits';
import type { RunningNextServer } from '../helpers/next-server';
import { signInToStudio, startStudioFixture, type StudioFixture } from '../helpers/studio-fixture';
import { mapGeometry, toClient } from '../helpers/studio-map';

const CURATOR = { email: 'zhao.curator@bureau.example', password: 'clouds between the pillars 62' };
const SCENE_READY_TIMEOUT_MS = 45_000;

let studio: StudioFixture;
let server: RunningNextServer;
let browser: Browser;
const world = createWorld();

before(async () => {
  studio = await startStudioFixture(CURATOR, 'studio-e2e');
  ({ server, browser } = studio);
});

after(async () => {
  await studio?.stop();
});

interface StudioRoutePlan {
  /** Clicks in order; the pillar click comes second and is then dragged to `fixedAt`. */
  first: [number, number];
  pillar: [number, number];
  fixedAt: [number, number];
  rest: Array<[number, number]>;
  finalRoute: Route;
}

/**
 * Where the planner tries the next click: turns from the current heading, then distances. The
 * Wulingyuan groves are dense, so a click straight ahead at one distance often lands a path
 * beside a crown; a curator would try a little left or right, or nearer.
 */
const TURNS = [0, 0.25, -0.25, 0.5, -0.5, 0.75, -0.75, 1, -1];
const STEPS_M = [340, 280, 400, 220, 460];

/** Keyframe spots this far from rock in every direction survive a few metres of click rounding. */
function roomyAt(world: World, x: number, y: number, z: number): boolean {
  return world.clearanceAt([x, y, z]) > 45;
}

function planStudioRoute(starter: Route, world: World): StudioRoutePlan {
  const last = starter.keyframes[starter.keyframes.length - 1].position;
  const prev = starter.keyframes[starter.keyframes.length - 2].position;
  let heading = Math.atan2(last[2] - prev[2], last[0] - prev[0]);
  let route = starter;
  const clicks: Array<[number, number]> = [];
  for (let step = 0; step < 4; step++) {
    const from = route.keyframes[route.keyframes.length - 1].position;
    let chosen: { x: number; z: number; route: Route; heading: number } | null = null;
    const candidates = TURNS.flatMap((turn) => STEPS_M.map((stepM) => ({ h: heading + turn, stepM })));
    for (const { h, stepM } of candidates) {
      const x = Math.round(from[0] + stepM * Math.cos(h));
      const z = Math.round(from[2] + stepM * Math.sin(h));
      const next = appendKeyframe(route, x, z, world, true);
      const added = next.keyframes[next.keyframes.length - 1].position;
      if (!roomyAt(world, x, added[1], z)) continue;
      if (hasErrors(validateRoute(next, world))) continue;
      chosen = { x, z, route: next, heading: h };
      break;
    }
    if (chosen === null) throw new Error(`no clean keyframe found at step ${step + 1}`);
    clicks.push([chosen.x, chosen.z]);
    route = chosen.route;
    heading = chosen.heading;
  }
  const [first, fixedAt, ...rest] = clicks;

  // A tall pillar near the clean second spot: a click on it flies inside the rock.
  const pillar = world.pillars
    .filter((p) => p.landmark === null && p.topY - world.heightAt(p.x, p.z) > 230)
    .map((p) => ({ p, d: Math.hypot(p.x - fixedAt[0], p.z - fixedAt[1]) }))
    .filter(({ d }) => d > 60 && d < 400)
    .sort((a, b) => a.d - b.d)[0]?.p;
  if (!pillar) throw new Error('no tall pillar near the route');

  // Replay the curator's order: first, pillar (error), drag to fixedAt, then the rest.
  let replay = appendKeyframe(starter, first[0], first[1], world, true);
  replay = appendKeyframe(replay, pillar.x, pillar.z, world, true);
  replay = moveKeyframe(replay, replay.keyframes.length - 1, fixedAt[0], fixedAt[1], true);
  for (const [x, z] of rest) replay = appendKeyframe(replay, x, z, world, true);
  return { first, pillar: [pillar.x, pillar.z], fixedAt, rest, finalRoute: replay };
}

/** Client coordinates of a world point on the studio map, from the view it reports. */
async function mapPoint(page: Page, x: number, z: number): Promise<{ x: number; y: number }> {
  return toClient(await mapGeometry(page), x, z);
}

async function clickMap(page: Page, x: number, z: number): Promise<void> {
  const point = await mapPoint(page, x, z);
  await page.mouse.click(point.x, point.y);
}

async function keyframeCount(page: Page): Promise<number> {
  return page.getByTestId('keyframe-chip').count();
}

describe('curator studio', () => {
  test('a curator designs, fixes, previews and publishes a route that a tourist then plays', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      extraHTTPHeaders: { 'Accept-Language': 'en-US' },
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    // Signing in: the studio sends a stranger to the sign-in page first.
    await signInToStudio(page, server.baseUrl, CURATOR);

    // A new route at Hallelujah Mountain opens in the editor as a two-keyframe sketch.
    await page.getByTestId('new-route').click();
    await page.getByTestId('new-title-zh').fill('云海穿柱');
    await page.getByTestId('new-title-en').fill('Through the cloud pillars');
    await page.getByTestId('new-landmark').selectOption('hallelujah-mountain');
    await page.getByTestId('create-route').click();
    await page.waitForURL('**/studio/routes/**');
    const routeId = new URL(page.url()).pathname.split('/').pop()!;
    assert.match(routeId, /^through-the-cloud-pillars-[0-9a-f]{6}$/);
    await page.getByTestId('studio-map').waitFor();
    assert.equal(await keyframeCount(page), 2);

    const starter = starterRoute(
      {
        id: routeId,
        title: { zh: '云海穿柱', en: 'Through the cloud pillars' },
        description: { zh: '云海穿柱', en: 'Through the cloud pillars' },
        landmark: 'hallelujah-mountain',
      },
      world,
    );
    const plan = planStudioRoute(starter, world);
    assert.deepEqual(
      validateRoute(plan.finalRoute, world).filter((i) => i.severity === 'error'),
      [],
      'the planned route is clean',
    );

    // See the whole scene, then click keyframes onto the map; the second lands on a pillar.
    await page.getByRole('button', { name: 'Show the whole scene' }).click();
    await clickMap(page, ...plan.first);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="keyframe-chip"]').length === 3);
    await clickMap(page, ...plan.pillar);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="keyframe-chip"]').length === 4);
    const pillarIssue = page.locator('[data-testid="route-issue"][data-code="keyframe-clearance"][data-keyframe="3"]');
    await pillarIssue.waitFor();
    assert.match((await pillarIssue.textContent()) ?? '', /Keyframe 4 is inside a pillar/);
    assert.equal(await page.getByTestId('publish').isDisabled(), true, 'a route through a pillar cannot be published');

    // Fixing it: drag the keyframe off the pillar to open air.
    const from = await mapPoint(page, ...plan.pillar);
    const to = await mapPoint(page, ...plan.fixedAt);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
    await page.mouse.up();
    await pillarIssue.waitFor({ state: 'detached' });

    for (const [x, z] of plan.rest) {
      const before = await keyframeCount(page);
      await clickMap(page, x, z);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="keyframe-chip"]').length === n, before + 1);
    }
    assert.equal(await keyframeCount(page), 6, 'two sketched keyframes and four clicked onto the map');

    // Two sights with narration: Hallelujah Mountain itself and the pillar first hit.
    await page.getByTestId('mode-poi').click();
    await clickMap(page, -650, -350);
    await page.getByTestId('poi-title-en').fill('Southern Sky Column');
    await page.getByTestId('poi-title-zh').fill('南天一柱');
    await page.getByTestId('poi-narration-en').fill('The pillar that inspired the floating mountains.');
    await page.getByTestId('poi-narration-zh').fill('悬浮山的灵感来源。');
    await clickMap(page, ...plan.pillar);
    await page.getByTestId('poi-title-en').fill('A sandstone tower');
    await page.getByTestId('poi-title-zh').fill('砂岩石塔');

    await page.locator('[data-testid="issue-list"][data-errors="0"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="studio-editor"]').waitFor();

    // The preview flies the route as a visitor would; scrubbing moves its clock.
    await page.getByTestId('preview-start').click();
    await page.locator('[data-testid="studio-preview"] [data-ready="true"]').waitFor({ timeout: SCENE_READY_TIMEOUT_MS });
    await page.getByTestId('preview-scrub').fill('20');
    assert.match((await page.locator('[class*="scrubTime"]').textContent()) ?? '', /^0:20 \//);

    // Publish, then watch the bakes: queued, since the render server beside it bakes nothing.
    await page.getByTestId('publish').click();
    const progress = page.locator('[data-testid="bake-progress"]');
    await progress.waitFor({ timeout: 30_000 });
    assert.equal(await progress.getAttribute('data-readiness'), 'queued');
    assert.ok((await progress.locator('li').count()) >= 1, 'one line per quality profile');
    assert.deepEqual(pageErrors, []);

    // What was published is the route built on the map: six keyframes, two sights.
    const published = (await (await fetch(`${server.baseUrl}/api/routes/${routeId}`)).json()) as { route: Route; revision: number };
    assert.equal(published.route.keyframes.length, 6);
    assert.deepEqual(
      published.route.pointsOfInterest.map((p) => p.title.en),
      ['Southern Sky Column', 'A sandstone tower'],
    );
    assert.equal(hasErrors(validateRoute(published.route, world)), false);
    await context.close();

    // A tourist, never signed in, finds it in the catalogue and plays it.
    const tourist = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      extraHTTPHeaders: { 'Accept-Language': 'zh-CN' },
    });
    const visitorPage = await tourist.newPage();
    await visitorPage.goto(`${server.baseUrl}/`);
    const card = visitorPage.locator(`[data-testid="route-card"][data-route-id="${routeId}"]`);
    assert.match((await card.textContent()) ?? '', /云海穿柱/);
    await card.click();
    await visitorPage.waitForURL(`**/tours/${routeId}`);
    await visitorPage.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ timeout: SCENE_READY_TIMEOUT_MS });
    await visitorPage.getByTestId('play-start').click();
    await visitorPage.waitForFunction(() => (window as { __yunshanPlayer?: { timeS(): number } }).__yunshanPlayer!.timeS() > 1, undefined, {
      timeout: 30_000,
    });
    await tourist.close();
  });
});
