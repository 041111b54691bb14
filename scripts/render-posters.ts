// Renders each curated route's catalogue poster from the real scene (bake tier) into
// public/posters/<routeId>.jpg. Run after the scene or a route changes:
// `npm run build && npm run posters [routeId…]`.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/helpers/browser';
import { startNextServer } from '../tests/helpers/next-server';
import { CURATED_ROUTES } from '../scenes/routes/curated/index';
import { POSTER_HEIGHT_PX, POSTER_WIDTH_PX, posterTimeS } from '../server/bake/bake-poster';

const OUT_DIR = path.resolve('public', 'posters');
const JPEG_QUALITY = 82;

const only = process.argv.slice(2);
fs.mkdirSync(OUT_DIR, { recursive: true });
const [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
try {
  const context = await browser.newContext({ viewport: { width: POSTER_WIDTH_PX, height: POSTER_HEIGHT_PX }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const route of CURATED_ROUTES) {
    if (only.length > 0 && !only.includes(route.id)) continue;
    await page.goto(`${server.baseUrl}/tours/${route.id}?tier=bake&t=${posterTimeS(route)}&autoplay=0`);
    await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ timeout: 180_000 });
    await page.waitForFunction('(window.__yunshanStats?.frames ?? 0) > 3', null, { timeout: 180_000 });
    // Past the loading veil's fade.
    await page.waitForTimeout(1500);
    // The poster is the scene alone: hide every overlay that does not contain the canvas.
    await page.evaluate(`(() => {
      const canvas = document.querySelector('[data-testid="flight-canvas"] canvas');
      for (const element of document.querySelectorAll('body *')) {
        if (element !== canvas && !element.contains(canvas)) element.style.visibility = 'hidden';
      }
    })()`);
    const file = path.join(OUT_DIR, `${route.id}.jpg`);
    await page.screenshot({ path: file, type: 'jpeg', quality: JPEG_QUALITY });
    console.log(`${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KB, t=${posterTimeS(route)} s)`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
