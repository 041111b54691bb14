// Comparing a presented bearer secret with the configured one without leaking, through timing,
// how much of it matched or how long it is (the operations token, the render API token).
import { createHash, timingSafeEqual } from 'node:crypto';

export function sameSecret(presented: string, expected: string): boolean {
  // Digests first: equal lengths for timingSafeEqual, and no early exit on the token's length.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
