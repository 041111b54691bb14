// Staff emails: one normal form (trimmed, lower case) for storage, lookup and
// throttling, so "Ana@Bureau.cn " and "ana@bureau.cn" are the same account.
import { z } from 'zod';

export const MAX_EMAIL_LENGTH = 254;

/** Accepts any casing and surrounding spaces; yields the normalised address. */
export const StaffEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH)
  .pipe(z.email({ message: 'Enter a valid email address.' }));

/** Best-effort normal form for strings that may not be valid emails (login attempts). */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Parses and normalises, throwing zod's error when the address is not valid. */
export function parseStaffEmail(raw: string): string {
  return StaffEmailSchema.parse(raw);
}
