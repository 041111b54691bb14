// Pictures of one curated route looking ahead, left, right and down (issue 14), from both
// renderers at the same moment: the device's own camera (the real tour page at the phone tier,
// turned through the player's look handle) and the cloud's sphere (one 2k sphere frame drawn by
// the render server's renderer pool as the bake draws it, cut into the same four views with
// sphere-mapping.ts, the mapping the cloud player samples with). Only the frame needed is
// rendered, not a whole bake. Each view alone as JPEG, one labelled 2×2 sheet per renderer, and
// the sphere frame itself.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import type { Route, Vec3 } from '../scenes/routes/route-schema';
import { poseAt } from '../scenes/routes/pose';
import { MAX_LOOK_PITCH_RAD, type LookOffset } from '../scenes/routes/look-offset';
import { tidyOffset } from '../components/player/look/look-motion';
import { QUALITY_PROFILES } from '../scenes/protocol/profile-ladder';
import { equirectUvOf, sphereViewOf, viewRayAt, type SphereView } from '../scenes/protocol/sphere-mapping';
import { createRendererPool } from '../server/render/renderer-pool';

/**
 * The four looks, as offsets from the route's own direction, each one the player's look store
 * can hold: it clamps the offset itself to ±MAX_LOOK_PITCH_RAD (look-motion.ts), so "down" is
 * that far below the route's direction. (Asking for -90° once cut the cloud's view 5° further
 * down than the device, whose store had clamped the same request to -85°: its down view looked
 * framed tighter, things a fifth larger, though both draw with the route's fov and the view's aspect.)
 */
export const LOOKS: readonly { name: string; label: string; offset: LookOffset }[] = [
  { name: 'ahead', label: 'Ahead', offset: { yawRad: 0, pitchRad: 0 } },
  { name: 'left', label: 'Left (90°)', offset: { yawRad: Math.PI / 2, pitchRad: 0 } },
  { name: 'right', label: 'Right (90°)', offset: { yawRad: -Math.PI / 2, pitchRad: 0 } },
  { name: 'down', label: 'Down', offset: { yawRad: 0, pitchRad: -MAX_LOOK_PITCH_RAD } },
].map((look) => ({ ...look, offset: tidyOffset(look.offset) }));

/** A landscape phone: the size of each view, device and cloud alike. */
export const VIEW_WIDTH_PX = 844;
export const VIEW_HEIGHT_PX = 390;
const SCENE_READY_TIMEOUT_MS = 300_000;
const DRAWN_TIMEOUT_MS = 60_000;

export interface LookShotsOptions {
  route: Route;
  timeS: number;
  /** Where the JPEGs go (docs/look-around/ for the docs). */
  outDir: string;
  /** Where the full-quality PNG frames go. */
  framesDir: string;
  jpegQuality: number;
  /** The web app (a production build), for the device's pictures; null skips them. */
  baseUrl: string | null;
  browser: Browser;
}

/** An RGBA image in memory. */
interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * The view a cloud player shows from an equirect frame: each pixel's ray through sphere-mapping,
 * sampled bilinearly (wrapping across the frame's left and right edges, clamped at the poles),
 * as the player's shader does with a linear, repeating texture.
 */
export function cutSphereView(sphere: Raster, view: SphereView, width: number, height: number): Raster {
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const ndcY = 1 - ((y + 0.5) / height) * 2;
    for (let x = 0; x < width; x++) {
      const ndcX = ((x + 0.5) / width) * 2 - 1;
      const [u, v] = equirectUvOf(viewRayAt(view, ndcX, ndcY));
      const sx = u * sphere.width - 0.5;
      const sy = Math.min(sphere.height - 1, Math.max(0, v * sphere.height - 0.5));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const y1 = Math.min(sphere.height - 1, y0 + 1);
      const xa = ((x0 % sphere.width) + sphere.width) % sphere.width;
      const xb = (xa + 1) % sphere.width;
      const at = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        const top = sphere.data[(y0 * sphere.width + xa) * 4 + c] * (1 - fx) + sphere.data[(y0 * sphere.width + xb) * 4 + c] * fx;
        const bottom = sphere.data[(y1 * sphere.width + xa) * 4 + c] * (1 - fx) + sphere.data[(y1 * sphere.width + xb) * 4 + c] * fx;
        out[at + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { width, height, data: out };
}

export async function shootLookAround(options: LookShotsOptions): Promise<string[]> {
  const { route, timeS, framesDir } = options;
  fs.mkdirSync(framesDir, { recursive: true });
  fs.mkdirSync(options.outDir, { recursive: true });
  const stem = `${route.id}-t${timeS}`;

  // The cloud: one sphere frame as the 2k profile bakes it (its size and scene tier).
  const profile = QUALITY_PROFILES['sphere-2k'];
  const pool = await createRendererPool({ size: 1, tier: profile.sceneTier });
  let spherePng: Buffer;
  try {
    const startedMs = performance.now();
    spherePng = Buffer.from(await pool.renderStill(route, timeS, profile.width, profile.height, 'png', profile.sceneTier, 'equirect'));
    console.log(
      `sphere ${profile.width}×${profile.height} (${profile.sceneTier} tier) in ${((performance.now() - startedMs) / 1000).toFixed(1)} s`,
    );
  } finally {
    await pool.close();
  }
  const spherePath = path.join(framesDir, `${stem}-sphere.png`);
  fs.writeFileSync(spherePath, spherePng);
  const sphere = PNG.sync.read(spherePng);
  const pose = poseAt(route, timeS);
  const routeDirection: Vec3 = [pose.lookAt[0] - pose.position[0], pose.lookAt[1] - pose.position[1], pose.lookAt[2] - pose.position[2]];
  const cloudFrames = LOOKS.map((look) => {
    const view = sphereViewOf(routeDirection, look.offset, pose.fovDeg, VIEW_WIDTH_PX / VIEW_HEIGHT_PX);
    const cut = cutSphereView(sphere, view, VIEW_WIDTH_PX, VIEW_HEIGHT_PX);
    const png = new PNG({ width: cut.width, height: cut.height });
    png.data = Buffer.from(cut.data);
    const file = path.join(framesDir, `${stem}-cloud-${look.name}.png`);
    fs.writeFileSync(file, PNG.sync.write(png));
    return { look, file };
  });

  // The device: the tour page drawing at the phone tier, paused at timeS, turned by the look handle.
  const deviceFrames: { look: (typeof LOOKS)[number]; file: string }[] = [];
  if (options.baseUrl !== null) {
    const context = await options.browser.newContext({
      viewport: { width: VIEW_WIDTH_PX, height: VIEW_HEIGHT_PX },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
    });
    try {
      const page = await context.newPage();
      await page.goto(`${options.baseUrl}/tours/${route.id}?render=local&tier=phone&autoplay=0&t=${timeS}&lang=en`);
      await page.locator('[data-testid="flight-canvas"] [data-ready="true"]').waitFor({ timeout: SCENE_READY_TIMEOUT_MS });
      await page.evaluate(() => window.__yunshanLook!.setRelease('stay'));
      await hideAllButTheCanvas(page);
      for (const look of LOOKS) {
        await page.evaluate((offset) => window.__yunshanLook!.set(offset), look.offset);
        await page.waitForFunction(
          (want) => {
            const drawn = window.__yunshanLook?.drawn();
            const now = window.__yunshanLook?.get();
            return (
              !!drawn &&
              !!now &&
              drawn.offset.yawRad === now.yawRad &&
              drawn.offset.pitchRad === now.pitchRad &&
              now.yawRad === want.yawRad &&
              now.pitchRad === want.pitchRad
            );
          },
          look.offset,
          { timeout: DRAWN_TIMEOUT_MS, polling: 100 },
        );
        // A couple more frames, so level of detail settles for the new direction.
        await page.waitForTimeout(1500);
        const file = path.join(framesDir, `${stem}-device-${look.name}.png`);
        await page.locator('[data-testid="flight-canvas"] canvas').screenshot({ path: file });
        deviceFrames.push({ look, file });
      }
    } finally {
      await context.close();
    }
  }

  return writeSheets(options, stem, spherePath, [
    { renderer: 'cloud', title: 'From the cloud: the 2k sphere frame, cut as the cloud player samples it', frames: cloudFrames },
    ...(deviceFrames.length > 0
      ? [{ renderer: 'device', title: 'On the device: the phone tier, its camera turned', frames: deviceFrames }]
      : []),
  ]);
}

async function hideAllButTheCanvas(page: Page): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="flight-canvas"] canvas');
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (element !== canvas && !element.contains(canvas)) element.style.visibility = 'hidden';
    }
  });
}

interface Sheet {
  renderer: string;
  title: string;
  frames: { look: (typeof LOOKS)[number]; file: string }[];
}

/** JPEGs for the docs: each view alone, a labelled 2×2 sheet per renderer, and the sphere frame. */
async function writeSheets(options: LookShotsOptions, stem: string, spherePath: string, sheets: Sheet[]): Promise<string[]> {
  const written: string[] = [];
  const page = await options.browser.newPage({
    viewport: { width: 2 * VIEW_WIDTH_PX + 4, height: 2 * VIEW_HEIGHT_PX + 60 },
    deviceScaleFactor: 1,
  });
  const toJpeg = async (html: string, selector: string, file: string) => {
    await page.setContent(html);
    await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
    await page.locator(selector).screenshot({ path: file, type: 'jpeg', quality: options.jpegQuality });
    written.push(file);
    console.log(`${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
  };
  try {
    for (const sheet of sheets) {
      for (const { look, file } of sheet.frames) {
        await toJpeg(
          `<style>*{margin:0}</style><img id="f" src="${dataUrl(file)}">`,
          '#f',
          path.join(options.outDir, `${stem}-${sheet.renderer}-${look.name}.jpg`),
        );
      }
      const caption = `${options.route.title.en} · ${options.route.title.zh}, t = ${options.timeS} s. ${sheet.title}`;
      const cells = sheet.frames
        .map(({ look, file }) => `<figure><img src="${dataUrl(file)}"><figcaption>${escapeHtml(look.label)}</figcaption></figure>`)
        .join('');
      await toJpeg(
        `<!doctype html><meta charset="utf-8"><style>
          * { margin: 0; box-sizing: border-box; }
          body { background: #111; font: 16px/1 'DejaVu Sans', 'Noto Sans CJK SC', sans-serif; }
          #sheet { display: inline-block; background: #111; color: #eee; }
          header { padding: 9px 10px; white-space: nowrap; }
          .grid { display: grid; grid-template-columns: repeat(2, ${VIEW_WIDTH_PX}px); gap: 4px; }
          figure { position: relative; } img { display: block; }
          figcaption { position: absolute; left: 8px; top: 8px; padding: 5px 8px; background: rgba(0,0,0,.62); color: #fff; border-radius: 3px; }
        </style><div id="sheet"><header>${escapeHtml(caption)}</header><div class="grid">${cells}</div></div>`,
        '#sheet',
        path.join(options.outDir, `${stem}-${sheet.renderer}.jpg`),
      );
    }
    await page.setViewportSize({ width: 1024, height: 512 });
    await toJpeg(
      `<style>*{margin:0}</style><img id="f" src="${dataUrl(spherePath)}" width="1024" height="512">`,
      '#f',
      path.join(options.outDir, `${stem}-sphere.jpg`),
    );
  } finally {
    await page.close();
  }
  return written;
}

function dataUrl(file: string): string {
  return `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
