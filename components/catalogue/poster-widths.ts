// The catalogue's poster at phone sizes: each site poster (960 px wide) also exists narrower, so
// a phone fetches a picture near the size it draws instead of the whole one (issue 15,
// Lighthouse mobile: the catalogue sent about 200 KB of posters to a phone). Pure: the
// server checks which files exist (app/_data/site-poster.ts) and `npm run posters` makes them.

/** Narrower copies of every site poster, beside the full-size `<id>.jpg`. */
export const POSTER_SMALL_WIDTHS_PX = [480, 640, 800] as const;

/** Where the copy of a route's poster `widthPx` wide lives in public/. */
export function posterWidthPath(routeId: string, widthPx: number): string {
  return `/posters/${encodeURIComponent(routeId)}-${widthPx}w.jpg`;
}

/** A srcset of the narrower copies that exist and the full-size poster, narrowest first. */
export function posterSrcSet(fullUrl: string, fullWidthPx: number, copies: ReadonlyArray<{ url: string; widthPx: number }>): string {
  return [...copies, { url: fullUrl, widthPx: fullWidthPx }]
    .sort((a, b) => a.widthPx - b.widthPx)
    .map(({ url, widthPx }) => `${url} ${widthPx}w`)
    .join(', ');
}

/**
 * How wide a card's poster is drawn (app/page.module.css): one column under 700 px, inside the
 * page's gutters (5vw each side); two from 700 px; three from 1100 px when the grid has three
 * columns, within the page's 1240 px.
 */
export function posterSizes(threeColumns: boolean): string {
  return [
    threeColumns ? '(min-width: 1100px) min(30vw, 400px)' : '(min-width: 1100px) min(46vw, 610px)',
    '(min-width: 700px) 46vw',
    '90vw',
  ].join(', ');
}
