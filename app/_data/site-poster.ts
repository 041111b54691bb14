// The site's own poster of a route (public/posters/<id>.jpg, rendered by `npm run posters`), if
// it has one: a route published since has only the render server's. Checked on disk once per id,
// as are its narrower copies for phones (components/catalogue/poster-widths.ts).
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { POSTER_SMALL_WIDTHS_PX, posterWidthPath } from '@/components/catalogue/poster-widths';

const known = new Map<string, string | null>();
const knownCopies = new Map<string, ReadonlyArray<{ url: string; widthPx: number }>>();

function publicFileExists(url: string): boolean {
  return fs.existsSync(path.join(process.cwd(), 'public', ...decodeURIComponent(url).split('/')));
}

/** The poster's URL on this site, or null when the site has none for this route. */
export function sitePosterUrl(routeId: string): string | null {
  let url = known.get(routeId);
  if (url === undefined) {
    const candidate = `/posters/${encodeURIComponent(routeId)}.jpg`;
    url = publicFileExists(candidate) ? candidate : null;
    known.set(routeId, url);
  }
  return url;
}

/** The narrower copies of the route's site poster that exist, narrowest first; none for a route without them. */
export function sitePosterCopies(routeId: string): ReadonlyArray<{ url: string; widthPx: number }> {
  let copies = knownCopies.get(routeId);
  if (copies === undefined) {
    copies = POSTER_SMALL_WIDTHS_PX.map((widthPx) => ({ url: posterWidthPath(routeId, widthPx), widthPx })).filter(({ url }) =>
      publicFileExists(url),
    );
    knownCopies.set(routeId, copies);
  }
  return copies;
}
