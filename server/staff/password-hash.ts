// Argon2id password hashing with OWASP's recommended parameters, and a dummy
// verification so a login for an unknown email costs as much time as a real one.
import { hash, verify, type Options } from '@node-rs/argon2';

/** @node-rs/argon2 declares Algorithm as a const enum, which isolatedModules cannot read; 2 is Argon2id. */
const ARGON2ID = 2;

/** OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1. */
export const PASSWORD_HASH_PARAMS = {
  memoryCostKiB: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLengthBytes: 32,
} as const;

const ARGON2_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: PASSWORD_HASH_PARAMS.memoryCostKiB,
  timeCost: PASSWORD_HASH_PARAMS.timeCost,
  parallelism: PASSWORD_HASH_PARAMS.parallelism,
  outputLen: PASSWORD_HASH_PARAMS.outputLengthBytes,
};

/** A PHC string: $argon2id$v=19$m=19456,t=2,p=1$salt$hash (random salt each time). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False (never a throw) for a wrong password or an unreadable stored hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as verifying a real account's password and always fails.
 * The dummy hash is made once per process with the same parameters.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password for accounts that do not exist');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when a stored hash was made with weaker parameters than today's and should be redone at next login. */
export function needsRehash(storedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (match === null) return true;
  return (
    Number(match[1]) < PASSWORD_HASH_PARAMS.memoryCostKiB ||
    Number(match[2]) < PASSWORD_HASH_PARAMS.timeCost ||
    Number(match[3]) !== PASSWORD_HASH_PARAMS.parallelism
  );
}
