// Strong entity tags for content-addressed bodies and the two conditional headers that
// compare against them. Pure.

/** The strong ETag of a body named by its SHA-256: the hash itself, quoted. */
export function strongEtag(sha256: string): string {
  return `"${sha256}"`;
}

function listedTags(header: string): string[] {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/**
 * If-None-Match (RFC 9110 §13.1.2): true when the client's copy is current, answered 304.
 * It compares weakly, so W/"x" matches "x"; "*" matches any body that exists.
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = listedTags(header);
  if (tags.includes('*')) return true;
  const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);
  return tags.some((tag) => opaque(tag) === opaque(etag));
}

/**
 * If-Range (RFC 9110 §13.1.5): true when a Range may be honoured. It compares strongly; a
 * weak tag or a date (these bodies carry no Last-Modified) never matches, so the client
 * gets the whole body instead of a piece of some other one.
 */
export function ifRangeAllows(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true;
  const tag = header.trim();
  return !tag.startsWith('W/') && tag === etag;
}
