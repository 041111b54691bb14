// Screenshots of what a person sees: the catalogue and every curated tour at three
// moments, at phone (390×844) and laptop (1440×900) sizes, in Chinese and English.
// Output: test-results/screenshots/ (or `--out=DIR`). Needs a production build (`npm run build`).
// `--tier=phone,bake` picks the quality tiers to shoot (each at its own size; bake at 1280×720).
// `--compare`: instead, the phone tier beside the cinematic tier for every curated route at the
// same three moments, one labelled JPEG (quality 70) per route and moment, into <out>/compare/
// (each frame alone as PNG and JPEG in compare/frames/). It draws through the render server's
// renderer pool, so it needs no build; `--size=960x540` sets each frame's size and
// `--moments=0.5` picks the moments (fractions of the flight) to draw instead of all three.
// `--look`: instead, one curated route (the first named, else the first curated) looking ahead,
// left, right and down at one moment (`--moments=`, first value; default 0.5), on the device
// (the tour page at the phone tier; needs a build, `--no-device` skips it) and from the cloud's
// 2k sphere (one frame from the renderer pool), as JPEGs into <out>/look/ (docs: `--out=docs`
// gives docs/look/; the docs use `--look-out=docs/look-around`). See look-around-shots.ts.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/helpers/browser';
import { startNextServer } from '../tests/helpers/next-server';
import { CURATED_ROUTES } from '../scenes/routes/curated/index';
import { renderTierComparison } from './tier-compare';
import { shootLookAround } from './look-around-shots';
import { median } from '../bench/stats';

const ALL_SIZES = [
  { name: 'phone', width: 390, height: 844, tier: 'phone', mobile: true },
  { name: 'laptop', width: 1440, height: 900, tier: 'laptop', mobile: false },
  { name: 'bake', width: 1280, height: 720, tier: 'bake', mobile: false },
] as const;
const DEFAULT_TIERS = ['phone', 'laptop'];
const MOMENTS = [0.15, 0.5, 0.85];
const VEIL_FADE_MS = 1500;
const args = process.argv.slice(2);
/** `--scene-only`: hide the player's overlays, to judge the scene itself. */
const sceneOnly = args.includes('--scene-only');
/** `--no-catalogue`: only the tours. */
const skipCatalogue = args.includes('--no-catalogue');
const optionValue = (name: string): string | undefined => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const OUT_DIR = path.resolve(optionValue('out') ?? path.join('test-results', 'screenshots'));
const tiers = optionValue('tier')?.split(',') ?? DEFAULT_TIERS;
const unknownTiers = tiers.filter((tier) => !ALL_SIZES.some((size) => size.tier === tier));
if (unknownTiers.length > 0) throw new Error(`Unknown tier(s): ${unknownTiers.join(', ')}`);
const SIZES = ALL_SIZES.filter((size) => tiers.includes(size.tier));
const only = args.filter((arg) => !arg.startsWith('--'));

if (args.includes('--compare')) {
  await shootComparison();
  process.exit(0);
}
if (args.includes('--look')) {
  await shootLook();
  process.exit(0);
}

/** `--look`: one route looking around, device and cloud. */
async function shootLook(): Promise<void> {
  const route = only.length > 0 ? CURATED_ROUTES.find((candidate) => candidate.id === only[0]) : CURATED_ROUTES[0];
  if (!route) throw new Error(`No curated route ${only[0]}`);
  const moment = Number(optionValue('moments')?.split(',')[0] ?? 0.5);
  if (!(moment >= 0 && moment <= 1)) throw new Error('--moments wants a fraction of the flight, 0 to 1');
  const timeS = Math.round(route.durationS * moment * 10) / 10;
  const withDevice = !args.includes('--no-device');
  const [server, browser] = await Promise.all([withDevice ? startNextServer() : null, launchChromium()]);
  try {
    const written = await shootLookAround({
      route,
      timeS,
      outDir: path.resolve(optionValue('look-out') ?? path.join(OUT_DIR, 'look')),
      framesDir: path.join(OUT_DIR, 'look-frames'),
      jpegQuality: 70,
      baseUrl: server?.baseUrl ?? null,
      browser,
    });
    console.log(`${written.length} pictures of ${route.id} at t = ${timeS} s`);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

/** `--compare`: phone against cinematic, from the renderer pool alone. */
async function shootComparison(): Promise<void> {
  const [width, height] = (optionValue('size') ?? '960x540').split('x').map(Number);
  if (!(width > 0 && height > 0)) throw new Error(`--size wants WIDTHxHEIGHT, e.g. 960x540`);
  const routes = CURATED_ROUTES.filter((route) => only.length === 0 || only.includes(route.id));
  if (routes.length === 0) throw new Error(`No curated route among: ${only.join(', ')}`);
  const outDir = path.join(OUT_DIR, 'compare');
  const result = await renderTierComparison({
    routes,
    moments: optionValue('moments')?.split(',').map(Number) ?? MOMENTS,
    outDir,
    widthPx: width,
    heightPx: height,
    jpegQuality: 70,
    launchLayoutBrowser: () => launchChromium(),
  });
  for (const [tier, seconds] of Object.entries(result.secondsPerStill)) {
    console.log(
      `${tier}: median ${median(seconds).toFixed(2)} s per ${width}×${height} still (${seconds.length} stills after each route's first)`,
    );
  }
  console.log(`${result.sheets.length} side-by-side pictures in ${outDir}`);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
const [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
try {
  for (const size of SIZES) {
    // The scene alone reads the same in either language.
    for (const locale of sceneOnly ? ['zh-CN'] : ['zh-CN', 'en-US']) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        deviceScaleFactor: 1,
        isMobile: size.mobile,
        hasTouch: size.mobile,
        locale,
        extraHTTPHeaders: { 'Accept-Language': locale },
      });
      const page = await context.newPage();
      const lang = locale.slice(0, 2);
      if (!skipCatalogue) {
        await page.goto(`${server.baseUrl}/`);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(OUT_DIR, `catalogue-${size.name}-${lang}.png`), fullPage: true });
        console.log(`catalogue ${size.name} ${lang}`);
      }
      // Tours once per size (in the first language); captions show the language anyway.
      if (locale === 'zh-CN' || only.length > 0) {
        for (const route of CURATED_ROUTES) {
          if (only.length > 0 && !only.includes(route.id)) continue;
          for (const moment of MOMENTS) {
            const timeS = Math.round(route.durationS * moment * 10) / 10;
            await page.goto(`${server.baseUrl}/tours/${route.id}?tier=${size.tier}&t=${timeS}&autoplay=0`);
            await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ timeout: 300_000 });
            // Let LOD and the first frames settle before the picture.
            await page.waitForFunction(
              () => ((window as unknown as { __yunshanStats?: { frames: number } }).__yunshanStats?.frames ?? 0) > 4,
              null,
              { timeout: 300_000 },
            );
            // The loading veil fades out over about 1.2 s after the first frame; a picture taken sooner shows the veil.
            await page.waitForTimeout(VEIL_FADE_MS);
            if (sceneOnly) {
              await page.evaluate(`(() => {
                const canvas = document.querySelector('[data-testid="flight-canvas"] canvas');
                for (const element of document.querySelectorAll('body *')) {
                  if (element !== canvas && !element.contains(canvas)) element.style.visibility = 'hidden';
                }
              })()`);
            }
            const file = `tour-${route.id}-${Math.round(moment * 100)}pct-${size.name}-${lang}${sceneOnly ? '-scene' : ''}.png`;
            await page.screenshot({ path: path.join(OUT_DIR, file) });
            console.log(file);
          }
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`Screenshots in ${OUT_DIR}`);
