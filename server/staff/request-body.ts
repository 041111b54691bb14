// Reading a studio request's JSON body: bounded in size (413), parsed as JSON and
// validated by a zod schema (400 with zod's issues), before any handler logic runs.
import { z } from 'zod';
import { domainError, ValidationError } from '../errors';

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

export class PayloadTooLargeError extends domainError('PayloadTooLargeError', 413, 'payload_too_large') {}

export class UnsupportedMediaTypeError extends domainError('UnsupportedMediaTypeError', 415, 'unsupported_media_type') {}

/**
 * The body parsed by `schema`. Reads at most maxBytes (the declared
 * Content-Length is not trusted: the stream is counted as it arrives).
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes: number = DEFAULT_MAX_BODY_BYTES,
): Promise<z.output<S>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType.trim())) {
    throw new UnsupportedMediaTypeError('Send the body as JSON (Content-Type: application/json).');
  }
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const text = await readTextWithin(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError('The body is not valid JSON.', [{ code: 'custom', path: [], message: 'The body is not valid JSON.' }]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ValidationError('The request body is not valid.', parsed.error.issues);
  return parsed.data;
}

async function readTextWithin(request: Request, maxBytes: number): Promise<string> {
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}
