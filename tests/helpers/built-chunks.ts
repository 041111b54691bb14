// The production build's client chunks, for tests that look for a piece of code by a marker
// string: first that some chunk holds the marker (so its absence from a page's scripts means
// something), then which of the scripts a page downloaded hold it.
import fs from 'node:fs';
import path from 'node:path';

const BUILT_CHUNKS = path.join(import.meta.dirname, '..', '..', '.next', 'static', 'chunks');

/** The text of every JavaScript chunk `next build` wrote. */
export function builtChunkBodies(): string[] {
  return fs
    .readdirSync(BUILT_CHUNKS)
    .filter((name) => name.endsWith('.js'))
    .map((name) => fs.readFileSync(path.join(BUILT_CHUNKS, name), 'utf8'));
}

/** The URLs of the downloaded scripts (URL → body) whose body holds `marker`. */
export function scriptsHolding(scripts: Map<string, string>, marker: string): string[] {
  return [...scripts].filter(([, body]) => body.includes(marker)).map(([url]) => url);
}
