// Random bearer secrets (session tokens, setup links) and the one-way hash under
// which they are stored: the database never holds a token that could be replayed.
import { createHash, randomBytes } from 'node:crypto';

export const SECRET_TOKEN_BYTES = 32;

/** 32 random bytes as base64url (43 characters, cookie- and URL-safe). */
export function generateSecretToken(): string {
  return randomBytes(SECRET_TOKEN_BYTES).toString('base64url');
}

/** SHA-256 in hex. A fast hash is right here: the input has 256 bits of entropy, unlike a password. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True for strings that generateSecretToken could have produced; anything else is not looked up. */
export function isWellFormedSecretToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
