// One byte range of a response, read from a Range header (RFC 9110 §14). Pure. Only a single
// range is served: a list of several (multipart/byteranges) and anything malformed are
// ignored, which the RFC allows, and the whole body is sent instead.
export type ByteRangeRequest =
  | { kind: 'whole' }
  /** Inclusive byte positions, both within the body. */
  | { kind: 'partial'; start: number; end: number }
  /** Well formed, but no byte of it lies within the body: answered 416. */
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^(\d*)-(\d*)$/;

export function parseByteRange(header: string | undefined, size: number): ByteRangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(.+?)\s*$/i.exec(header);
  if (match === null || match[1].includes(',')) return { kind: 'whole' };
  const range = SINGLE_RANGE.exec(match[1]);
  if (range === null || (range[1] === '' && range[2] === '')) return { kind: 'whole' };
  if (range[1] === '') {
    // A suffix: the last n bytes.
    const length = Number(range[2]);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(range[1]);
  const last = range[2] === '' ? Number.POSITIVE_INFINITY : Number(range[2]);
  if (last < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(last, size - 1) };
}

/** The Content-Range of a 206. */
export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

/** The Content-Range of a 416: the body's size, so the client can ask again. */
export function unsatisfiedContentRange(size: number): string {
  return `bytes */${size}`;
}
