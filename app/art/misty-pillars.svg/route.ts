// The catalogue hero's picture (and the 404's), served as an image rather than written into
// every page: pages address it with its content hash (?v=), so it is cached for a year.
import { mistyPillarsMarkup } from '@/components/catalogue/misty-pillars-asset';

export function GET(): Response {
  return new Response(mistyPillarsMarkup(), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
