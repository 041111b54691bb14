// Phone tier beside cinematic tier, for every curated route at the given moments: what a
// visitor's device draws against what the render server bakes, from the same pose. Both
// frames come from the render server's own renderer pool (no web app, no build needed);
// a plain Chromium page then lays each pair out side by side under a caption and writes it
// as one labelled JPEG, so the picture carries its own legend wherever it is shown.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Route } from '../scenes/routes/route-schema';
import type { SceneTier } from '../scenes/world/quality-tiers';
import { createRendererPool } from '../server/render/renderer-pool';

export interface TierCompareOptions {
  routes: readonly Route[];
  /** Fractions of each flight, e.g. [0.15, 0.5, 0.85]. */
  moments: readonly number[];
  outDir: string;
  /** Each frame's size; the sheet is two frames wide. */
  widthPx: number;
  heightPx: number;
  /** JPEG quality of the sheets, 0–100 (70: small enough for docs/). */
  jpegQuality: number;
  /** A plain browser to lay the sheets out in (no WebGL needed). */
  launchLayoutBrowser: () => Promise<Browser>;
}

/** The two sides of every sheet, left to right. */
const SIDES: readonly { tier: SceneTier; label: string }[] = [
  { tier: 'phone', label: 'Phone tier: drawn on the device' },
  { tier: 'cinematic', label: 'Cinematic tier: baked by the render server' },
];

interface Shot {
  route: Route;
  moment: number;
  timeS: number;
  /** Stem shared by the frames and the sheet: `<routeId>-<pct>pct`. */
  name: string;
}

export interface TierCompareResult {
  sheets: string[];
  /** Seconds per still, per tier, for every shot after each route's first (which also builds the scene). */
  secondsPerStill: Record<string, number[]>;
}

export async function renderTierComparison(options: TierCompareOptions): Promise<TierCompareResult> {
  const shots: Shot[] = options.routes.flatMap((route) =>
    options.moments.map((moment) => ({
      route,
      moment,
      timeS: Math.round(route.durationS * moment * 10) / 10,
      name: `${route.id}-${Math.round(moment * 100)}pct`,
    })),
  );
  const framesDir = path.join(options.outDir, 'frames');
  fs.mkdirSync(framesDir, { recursive: true });
  const secondsPerStill: Record<string, number[]> = {};

  // One tier's pool at a time: two renderers at once would only fight over the same cores
  // (and each holds about 1.2 GB).
  for (const side of SIDES) {
    const pool = await createRendererPool({ size: 1, tier: side.tier });
    const times: number[] = (secondsPerStill[side.tier] = []);
    try {
      console.log(`${side.tier} tier on ${pool.backend} (${pool.glRenderer})`);
      let previousRouteId: string | null = null;
      for (const shot of shots) {
        const startedMs = performance.now();
        const png = await pool.renderStill(shot.route, shot.timeS, options.widthPx, options.heightPx, 'png');
        const seconds = (performance.now() - startedMs) / 1000;
        // A route's first still also mounts its world and compiles the shaders.
        if (shot.route.id === previousRouteId) times.push(seconds);
        previousRouteId = shot.route.id;
        fs.writeFileSync(framesPath(framesDir, shot, side.tier), png);
        console.log(`  ${shot.name} ${side.tier}: ${seconds.toFixed(1)} s`);
      }
    } finally {
      await pool.close();
    }
  }

  const browser = await options.launchLayoutBrowser();
  const sheets: string[] = [];
  try {
    const page = await browser.newPage({
      viewport: { width: options.widthPx * 2 + GAP_PX, height: options.heightPx + CAPTION_PX },
      deviceScaleFactor: 1,
    });
    for (const shot of shots) {
      const frames = SIDES.map((side) => ({ label: side.label, dataUrl: pngDataUrl(framesPath(framesDir, shot, side.tier)) }));
      await page.setContent(sheetHtml(shot, frames, options.widthPx, options.heightPx));
      // Both frames decoded before the picture is taken.
      await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
      const file = path.join(options.outDir, `${shot.name}.jpg`);
      await page.locator('#sheet').screenshot({ path: file, type: 'jpeg', quality: options.jpegQuality });
      sheets.push(file);
      console.log(`${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
    }
    // Each frame alone as JPEG too, for before/after tables beside older pictures.
    for (const shot of shots) {
      for (const side of SIDES) {
        const png = framesPath(framesDir, shot, side.tier);
        await page.setContent(`<style>* { margin: 0; }</style><img id="frame" src="${pngDataUrl(png)}">`);
        await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
        await page.locator('#frame').screenshot({ path: png.replace(/\.png$/, '.jpg'), type: 'jpeg', quality: options.jpegQuality });
      }
    }
  } finally {
    await browser.close();
  }
  return { sheets, secondsPerStill };
}

const GAP_PX = 4;
const CAPTION_PX = 34;

function framesPath(framesDir: string, shot: Shot, tier: SceneTier): string {
  return path.join(framesDir, `${shot.name}-${tier}.png`);
}

function pngDataUrl(file: string): string {
  return `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sheetHtml(shot: Shot, frames: readonly { label: string; dataUrl: string }[], widthPx: number, heightPx: number): string {
  const caption = `${shot.route.title.en} · ${shot.route.title.zh} — ${Math.round(shot.moment * 100)} % of the flight (t = ${shot.timeS} s), ${shot.route.timeOfDay.replace('-', ' ')}`;
  const cells = frames
    .map(
      (frame) =>
        `<figure><img src="${frame.dataUrl}" width="${widthPx}" height="${heightPx}"><figcaption>${escapeHtml(frame.label)}</figcaption></figure>`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
    * { margin: 0; box-sizing: border-box; }
    body { background: #111; font: 16px/1 'DejaVu Sans', 'Noto Sans CJK SC', sans-serif; }
    #sheet { display: inline-block; background: #111; color: #eee; }
    header { height: ${CAPTION_PX}px; padding: 9px 10px; white-space: nowrap; overflow: hidden; }
    .pair { display: flex; gap: ${GAP_PX}px; }
    figure { position: relative; width: ${widthPx}px; height: ${heightPx}px; }
    img { display: block; }
    figcaption { position: absolute; left: 8px; top: 8px; padding: 5px 8px; font-size: 15px;
      background: rgba(0, 0, 0, 0.62); color: #fff; border-radius: 3px; }
  </style><div id="sheet"><header>${escapeHtml(caption)}</header><div class="pair">${cells}</div></div>`;
}
