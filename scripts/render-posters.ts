// Renders each curated route's catalogue poster into public/posters/<routeId>.jpg from the
// render server's own renderer pool at the cinematic tier: the same scene, pose and sub-frame
// accumulation as the cinematic bake's frame at the poster moment, so the catalogue shows the
// picture the cloud streams. Run after the scene or a route changes:
// `npm run posters [routeId…]` (no build needed). `--tier=bake` draws the old standard still.
// Then it scales each new poster down to the narrower copies phones fetch (poster-copies.ts).
import fs from 'node:fs';
import path from 'node:path';
import { CURATED_ROUTES } from '../scenes/routes/curated/index';
import { isSceneTier } from '../scenes/world/quality-tiers';
import { POSTER_HEIGHT_PX, POSTER_WIDTH_PX, posterTimeS } from '../server/bake/bake-poster';
import { createRendererPool } from '../server/render/renderer-pool';
import { writePosterCopies } from './poster-copies';

const OUT_DIR = path.resolve('public', 'posters');

const args = process.argv.slice(2);
const tierArg = args.find((arg) => arg.startsWith('--tier='))?.slice('--tier='.length) ?? 'cinematic';
if (!isSceneTier(tierArg)) throw new Error(`Unknown tier: ${tierArg}`);
const only = args.filter((arg) => !arg.startsWith('--'));
fs.mkdirSync(OUT_DIR, { recursive: true });
const pool = await createRendererPool({ size: 1, tier: tierArg });
const rendered: string[] = [];
try {
  console.log(`${tierArg} tier on ${pool.backend} (${pool.glRenderer})`);
  for (const route of CURATED_ROUTES) {
    if (only.length > 0 && !only.includes(route.id)) continue;
    const startedMs = performance.now();
    const jpeg = await pool.renderStill(route, posterTimeS(route), POSTER_WIDTH_PX, POSTER_HEIGHT_PX, 'jpeg');
    const file = path.join(OUT_DIR, `${route.id}.jpg`);
    fs.writeFileSync(file, jpeg);
    rendered.push(route.id);
    console.log(
      `${file} (${(jpeg.byteLength / 1024).toFixed(0)} KB, t=${posterTimeS(route)} s, ${((performance.now() - startedMs) / 1000).toFixed(1)} s with the scene build)`,
    );
  }
} finally {
  await pool.close();
}
if (rendered.length > 0)
  for (const file of await writePosterCopies(rendered)) console.log(`${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
