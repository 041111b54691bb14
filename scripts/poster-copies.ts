// Writes the narrower copies of each site poster (public/posters/<id>-<width>w.jpg) that the
// catalogue offers phones (components/catalogue/poster-widths.ts), scaled from the full-size
// poster in Chromium's canvas, so every copy is the same picture. `npm run posters` runs it after
// rendering; alone: `node --import tsx scripts/poster-copies.ts [routeId…]`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../tests/helpers/browser';
import { POSTER_SMALL_WIDTHS_PX, posterWidthPath } from '../components/catalogue/poster-widths';

const POSTERS_DIR = path.resolve('public', 'posters');
/** A little above the bake's own poster quality would waste bytes a phone screen cannot show. */
const JPEG_QUALITY = 0.8;

/** Writes every narrower copy of the named routes' posters (all posters when none is named); returns the files written. */
export async function writePosterCopies(routeIds: readonly string[] = []): Promise<string[]> {
  const posters = fs
    .readdirSync(POSTERS_DIR)
    .filter((name) => /^[a-z0-9-]+\.jpg$/.test(name))
    .map((name) => name.slice(0, -'.jpg'.length))
    .filter((id) => routeIds.length === 0 || routeIds.includes(id));
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    const page = await browser.newPage();
    for (const id of posters) {
      const source = `data:image/jpeg;base64,${fs.readFileSync(path.join(POSTERS_DIR, `${id}.jpg`)).toString('base64')}`;
      for (const widthPx of POSTER_SMALL_WIDTHS_PX) {
        const dataUrl = await page.evaluate(
          async ({ source, widthPx, quality }) => {
            const image = new Image();
            image.src = source;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = widthPx;
            canvas.height = Math.round((image.naturalHeight * widthPx) / image.naturalWidth);
            const context = canvas.getContext('2d');
            if (context === null) throw new Error('no 2D canvas to scale the poster in');
            context.imageSmoothingQuality = 'high';
            context.drawImage(image, 0, 0, canvas.width, canvas.height);
            return canvas.toDataURL('image/jpeg', quality);
          },
          { source, widthPx, quality: JPEG_QUALITY },
        );
        const file = path.join('public', ...posterWidthPath(id, widthPx).split('/').filter(Boolean));
        fs.writeFileSync(file, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
        written.push(file);
      }
    }
  } finally {
    await browser.close();
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of await writePosterCopies(process.argv.slice(2)))
    console.log(`${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
}
