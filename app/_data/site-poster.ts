// The site's own poster of a route (public/posters/<id>.jpg, rendered by `npm run posters`), if
// it has one: a route published since has only the render server's. Checked on disk once per id.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

const known = new Map<string, string | null>();

/** The poster's URL on this site, or null when the site has none for this route. */
export function sitePosterUrl(routeId: string): string | null {
  let url = known.get(routeId);
  if (url === undefined) {
    const file = path.join(process.cwd(), 'public', 'posters', `${routeId}.jpg`);
    url = fs.existsSync(file) ? `/posters/${encodeURIComponent(routeId)}.jpg` : null;
    known.set(routeId, url);
  }
  return url;
}
