// Staff accounts from the command line: the way to create the first admin (never a
// default password). `npm run staff -- help` lists the commands.
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { DomainError, ValidationError } from '../server/errors';
import { createStaffAccount, StaffRoleSchema } from '../server/staff/staff-accounts';
import { parseStaffEmail } from '../server/staff/staff-email';
import { openConfiguredStaffServices, type StaffServices } from '../server/staff/staff-services';
import { issueSetupLinkIfNoAdmin } from '../server/staff/first-admin-setup';

const USAGE = `Usage:
  npm run staff -- add <email> --role admin|curator [--name "Display Name"]
      Asks for the password twice (without echo) on a terminal; otherwise reads one line from stdin.
  npm run staff -- list
  npm run staff -- revoke <email>     Ends every session of this staff member.
  npm run staff -- remove <email>     Deletes the account and its sessions.
  npm run staff -- setup-link [--base-url http://localhost:3000] [--if-no-admin]
      While there is no admin: prints a one-time link (valid one hour) that creates the first admin.
The database is PostgreSQL when env YUNSHAN_DATABASE_URL names one, else the SQLite file env YUNSHAN_DB_PATH or data/yunshan.sqlite.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const services = await openConfiguredStaffServices();
  try {
    switch (command) {
      case 'add':
        return await add(services, rest);
      case 'list':
        return await list(services);
      case 'revoke':
        return await revoke(services, rest);
      case 'remove':
        return await remove(services, rest);
      case 'setup-link':
        return await setupLink(services, rest);
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } finally {
    await services.close();
  }
}

async function add(services: StaffServices, args: string[]): Promise<void> {
  const { email, options } = parseArgs(args, ['role', 'name']);
  const role = StaffRoleSchema.safeParse(options.role);
  if (!role.success) throw new UsageError('Give --role admin or --role curator.');
  const password = await readNewPassword();
  const member = await createStaffAccount(services, { email, role: role.data, displayName: options.name ?? null, password });
  console.log(`Added ${member.role} ${member.email} (id ${member.id}).`);
}

async function list(services: StaffServices): Promise<void> {
  const members = await services.members.list(services.nowMs());
  if (members.length === 0) {
    console.log('No staff yet. Add the first admin: npm run staff -- add <email> --role admin');
    return;
  }
  for (const member of members) {
    const name = member.displayName === null ? '' : `  ${member.displayName}`;
    console.log(
      `${String(member.id).padStart(4)}  ${member.role.padEnd(7)}  ${member.email}${name}  (${member.activeSessionCount} active sessions, since ${member.createdAt})`,
    );
  }
}

async function revoke(services: StaffServices, args: string[]): Promise<void> {
  const member = await existingMember(services, parseArgs(args, []).email);
  const ended = await services.sessions.deleteAllFor(member.id);
  console.log(`Ended ${ended} session(s) of ${member.email}.`);
}

async function remove(services: StaffServices, args: string[]): Promise<void> {
  const member = await existingMember(services, parseArgs(args, []).email);
  await services.members.remove(member.id);
  console.log(`Removed ${member.email}.`);
}

/** `--if-no-admin` (used by npm start) stays silent when an admin exists. */
async function setupLink(services: StaffServices, args: string[]): Promise<void> {
  let baseUrl = `http://localhost:${process.env.PORT ?? '3000'}`;
  let quietWhenAdmin = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--if-no-admin') quietWhenAdmin = true;
    else if (args[i] === '--base-url' && args[i + 1] !== undefined) baseUrl = args[++i];
    else throw new UsageError(`Unknown argument "${args[i]}".`);
  }
  const link = await issueSetupLinkIfNoAdmin(services, baseUrl);
  if (link === null) {
    if (!quietWhenAdmin) console.log('An admin exists already; add staff with: npm run staff -- add <email> --role curator');
    return;
  }
  console.log(
    `No studio admin yet. Create the first one within the hour at:\n  ${link.url}\n(or: npm run staff -- add <email> --role admin)`,
  );
}

async function existingMember(services: StaffServices, email: string) {
  const member = await services.members.getByEmail(email);
  if (member === null) throw new UsageError(`No staff member ${email}.`);
  return member;
}

function parseArgs(args: string[], optionNames: string[]): { email: string; options: Record<string, string | undefined> } {
  const positional: string[] = [];
  const options: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (match === null) {
      positional.push(arg);
      continue;
    }
    if (!optionNames.includes(match[1])) throw new UsageError(`Unknown option --${match[1]}.`);
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`--${match[1]} needs a value.`);
    options[match[1]] = value;
  }
  if (positional.length !== 1) throw new UsageError('Give exactly one email.');
  try {
    return { email: parseStaffEmail(positional[0]), options };
  } catch (error) {
    if (error instanceof z.ZodError) throw new UsageError(`"${positional[0]}" is not a valid email.`);
    throw error;
  }
}

async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLineOfStdin();
  const first = await promptHidden('Password (at least 12 characters): ');
  const second = await promptHidden('Repeat the password: ');
  if (first !== second) throw new UsageError('The two passwords differ; nothing was added.');
  return first;
}

/** Piped input: the first line, without its line ending (spaces are part of the password). */
async function readFirstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  if (line === '') throw new UsageError('No password on stdin.');
  return line;
}

/** Reads a line on the terminal while echoing nothing typed. */
function promptHidden(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const rl = readline.createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof ValidationError) {
    console.error(error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('\n'));
    process.exitCode = 1;
  } else if (error instanceof DomainError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
