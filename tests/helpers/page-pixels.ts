// Pixel statistics of what a page shows, read from real screenshots: the browser itself
// decodes the PNG, so the tests need no image library. It decodes them in a blank page of its
// own, not in the page under test: decoding a screenshot and reading every pixel took that
// page's main thread for about a tenth of a second a sample, and a test sampling back to back
// (a handover watched for black frames) left the stream it watched a few frames a second.
import type { Browser, Locator, Page } from 'playwright-core';

export interface PixelSample {
  /** Mean luminance 0–255. */
  meanLuma: number;
  /** Standard deviation of luminance: near 0 for a blank or single-colour frame. */
  lumaStdDev: number;
  /** A 32×18 grid of mean luminances, for comparing two frames. */
  grid: number[];
}

const GRID_W = 32;
const GRID_H = 18;

const analysisPages = new WeakMap<Browser, Promise<Page>>();

/** A blank page in its own context (its own renderer process) that does the decoding; one per browser. */
function analysisPage(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (browser === null) return Promise.resolve(page);
  let analyser = analysisPages.get(browser);
  if (analyser === undefined) {
    analyser = browser.newPage();
    analysisPages.set(browser, analyser);
  }
  return analyser;
}

export async function samplePixels(page: Page, target: Locator): Promise<PixelSample> {
  const png = await target.screenshot({ type: 'png', animations: 'allow' });
  const analyser = await analysisPage(page);
  return analyser.evaluate(
    async ({ base64, gridW, gridH }) => {
      // Decoded here, not fetched as a data: URL: the page's Content-Security-Policy allows no such connection.
      const blob = new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(gridW, gridH);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      // Downscaling averages the pixels of each grid cell.
      context.drawImage(bitmap, 0, 0, gridW, gridH);
      const full = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
      if (!full) throw new Error('no 2d context');
      full.drawImage(bitmap, 0, 0);
      const data = full.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let sum = 0;
      let sumSq = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const luma = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
        sum += luma;
        sumSq += luma * luma;
      }
      const mean = sum / n;
      const cells = context.getImageData(0, 0, gridW, gridH).data;
      const grid: number[] = [];
      for (let i = 0; i < cells.length; i += 4) grid.push(0.2126 * cells[i] + 0.7152 * cells[i + 1] + 0.0722 * cells[i + 2]);
      return { meanLuma: mean, lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), grid };
    },
    { base64: png.toString('base64'), gridW: GRID_W, gridH: GRID_H },
  );
}

/** Mean absolute difference between two samples' grids, in luminance levels. */
export function gridDifference(a: PixelSample, b: PixelSample): number {
  let total = 0;
  for (let i = 0; i < a.grid.length; i += 1) total += Math.abs(a.grid[i] - b.grid[i]);
  return total / a.grid.length;
}
