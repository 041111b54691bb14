// What a staff password must be: long enough, not on the common-passwords list
// (even with digits or symbols tacked on), not the email's name, not one repeated
// pattern. Returns every reason at once so the form can show them together.
import { COMMON_PASSWORDS_TEXT } from './common-passwords';

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

let commonPasswords: ReadonlySet<string> | undefined;

function commonPasswordSet(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    COMMON_PASSWORDS_TEXT.split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== ''),
  );
  return commonPasswords;
}

/** An empty list means the password is acceptable. Length counts Unicode code points, not UTF-16 units. */
export function passwordProblems(password: string, email: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) problems.push('too_long');

  const lower = password.toLowerCase();
  if (isCommon(lower)) problems.push('common');

  const localPart = email.trim().toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= MIN_LOCAL_PART_LENGTH_CHECKED && lower.includes(localPart)) problems.push('contains_email');

  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS || isRepeatedUnit(lower)) problems.push('too_repetitive');
  return problems;
}

function isCommon(lower: string): boolean {
  const list = commonPasswordSet();
  if (list.has(lower)) return true;
  // "Sunshine2024!" and "!!password123" are the listed word with decoration.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core !== '' && list.has(core)) return true;
  // "passwordpassword", "dragondragon1".
  const unit = repeatedUnit(core);
  return unit !== null && list.has(unit);
}

/** True when the whole string is one short unit repeated ("abcabcabcabc", "12341234123412"). */
function isRepeatedUnit(lower: string): boolean {
  const unit = repeatedUnit(lower);
  return unit !== null && unit.length <= 4;
}

function repeatedUnit(text: string): string | null {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue;
    const unit = text.slice(0, size);
    if (unit.repeat(text.length / size) === text) return unit;
  }
  return null;
}
