// The hero picture as a file: its markup, drawn once per process, and an address that names
// its version, so browsers may keep it for a year and a changed picture is a new address.
import { createHash } from 'node:crypto';
import { mistyPillarsSvg } from './misty-pillars-svg';

export const MISTY_PILLARS_PATH = '/art/misty-pillars.svg';

let markup: string | null = null;
let url: string | null = null;

export function mistyPillarsMarkup(): string {
  markup ??= mistyPillarsSvg();
  return markup;
}

/** The address pages use: the path with the picture's content hash as its version (hashed once, not per page). */
export function mistyPillarsUrl(): string {
  url ??= `${MISTY_PILLARS_PATH}?v=${createHash('sha256').update(mistyPillarsMarkup()).digest('hex').slice(0, 12)}`;
  return url;
}
