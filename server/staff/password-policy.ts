// What a staff password must be: long enough, not a well-known password (on zxcvbn's
// common-password list or this site's words, even with digits or symbols tacked on, or
// guessable by zxcvbn: see common-passwords.ts), not the email's name, not one repeated
// pattern. Returns every reason at once so the form can show them together.
import { isCommonPassword, repeatedUnit } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
/** Argon2 takes any length; the bound only keeps a single request cheap to refuse. */
export const MAX_PASSWORD_LENGTH = 256;
const MIN_DISTINCT_CHARACTERS = 5;
/** Local parts this short ("a", "li") occur in many passwords by chance. */
const MIN_LOCAL_PART_LENGTH_CHECKED = 3;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email' | 'too_repetitive';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  common: 'This password is too common: choose one that is not a well-known password or word.',
  contains_email: 'The password must not contain your email name.',
  too_repetitive: `Use at least ${MIN_DISTINCT_CHARACTERS} different characters, not one repeated pattern.`,
};

/**
 * An empty list means the password is acceptable. Length counts Unicode code points, not UTF-16 units.
 * Async: the common-password dictionary is loaded on first use.
 */
export async function passwordProblems(password: string, email: string): Promise<PasswordProblem[]> {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) problems.push('too_long');

  const lower = password.toLowerCase();
  if (await isCommonPassword(password)) problems.push('common');

  const localPart = email.trim().toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= MIN_LOCAL_PART_LENGTH_CHECKED && lower.includes(localPart)) problems.push('contains_email');

  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS || isRepeatedUnit(lower)) problems.push('too_repetitive');
  return problems;
}

/** True when the whole string is one short unit repeated ("abcabcabcabc", "12341234123412"). */
function isRepeatedUnit(lower: string): boolean {
  const unit = repeatedUnit(lower);
  return unit !== null && unit.length <= 4;
}
