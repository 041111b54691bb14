// Creating staff accounts, the one path shared by the CLI, the admin API and the
// first-admin setup link: email normalised, password policy enforced, Argon2id hash.
import { z } from 'zod';
import { ValidationError } from '../errors';
import { hashPassword } from './password-hash';
import { MAX_PASSWORD_LENGTH, PASSWORD_PROBLEM_MESSAGES, passwordProblems } from './password-policy';
import type { StaffMember, StaffRole } from './staff-contracts';
import { StaffEmailSchema } from './staff-email';
import type { StaffServices } from './staff-services';

export const StaffRoleSchema = z.enum(['curator', 'admin']);

export const NewStaffAccountSchema = z.strictObject({
  email: StaffEmailSchema,
  role: StaffRoleSchema,
  displayName: z.string().trim().min(1).max(120).nullable().optional(),
  password: z.string().max(MAX_PASSWORD_LENGTH * 4),
});

export type NewStaffAccount = z.input<typeof NewStaffAccountSchema>;

/**
 * Validates, checks the password policy, hashes and stores. Throws
 * ValidationError (400) listing every problem, ConflictError (409) for a taken email.
 */
export async function createStaffAccount(services: StaffServices, input: NewStaffAccount): Promise<StaffMember> {
  const parsed = NewStaffAccountSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError('The new staff member is not valid.', parsed.error.issues);
  const { email, role, displayName, password } = parsed.data;
  await assertPasswordAcceptable(password, email);
  const passwordHash = await hashPassword(password);
  return services.members.add({ email, role: role satisfies StaffRole, displayName: displayName ?? null, passwordHash });
}

/** Throws ValidationError with one issue per policy problem, on path ['password']. */
export async function assertPasswordAcceptable(password: string, email: string): Promise<void> {
  const problems = await passwordProblems(password, email);
  if (problems.length === 0) return;
  throw new ValidationError(
    PASSWORD_PROBLEM_MESSAGES[problems[0]],
    problems.map((problem) => ({
      code: 'custom' as const,
      path: ['password'],
      message: PASSWORD_PROBLEM_MESSAGES[problem],
      params: { problem },
    })),
  );
}
