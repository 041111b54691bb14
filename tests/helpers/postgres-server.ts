// A real PostgreSQL (Debian's postgresql 15, installed by scripts/ensure-test-engines.sh)
// started by a test on a free loopback port, with its data and unix socket in a scratch
// directory, and stopped and deleted after. As root it runs as the `postgres` user (spawned
// with its uid, so the signal that stops it reaches postgres itself), as initdb and postgres require. Each test database is made with createDatabase().
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freeLoopbackPort } from './free-port';

export interface RunningPostgres {
  port: number;
  /** A new, empty database; its postgres:// URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const BIN_DIR = '/usr/lib/postgresql/15/bin';
const MISSING = `PostgreSQL 15 is not installed (${BIN_DIR}): run scripts/ensure-test-engines.sh as root, or apt-get install postgresql`;

/** As root, the server's own commands run as the owner of /var/lib/postgresql (`postgres`); as anyone else, as themselves. */
function runAs(): Pick<SpawnOptions, 'uid' | 'gid'> {
  if (process.getuid?.() !== 0) return {};
  const { uid, gid } = fs.statSync('/var/lib/postgresql');
  return { uid, gid };
}

export async function startPostgresServer(): Promise<RunningPostgres> {
  if (!fs.existsSync(path.join(BIN_DIR, 'initdb'))) throw new Error(MISSING);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-postgres-'));
  const dataDir = path.join(dir, 'data');
  const user = runAs();
  // postgres must own its folder (it refuses a data folder anyone else can enter).
  if (user.uid !== undefined && user.gid !== undefined) fs.chownSync(dir, user.uid, user.gid);
  const init = spawnSync(
    path.join(BIN_DIR, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--locale=C.UTF-8', '--encoding=UTF8', '--no-sync'],
    {
      ...user,
      encoding: 'utf8',
    },
  );
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status}):\n${init.stdout}\n${init.stderr}`);
  }

  const port = await freeLoopbackPort();
  // No fsync: a test database never outlives the test.
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    dir,
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ];
  const child: ChildProcess = spawn(path.join(BIN_DIR, 'postgres'), args, { ...user, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`postgres did not start within ${READY_TIMEOUT_MS} ms:\n${output}`)),
        READY_TIMEOUT_MS,
      );
      const onData = (data: Buffer) => {
        output += data.toString();
        if (output.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`postgres exited with ${code} before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    async createDatabase(name) {
      if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
      const admin = new pg.Client({ connectionString: urlOf('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return urlOf(name);
    },
    async stop() {
      if (child.exitCode === null) {
        // SIGINT: the "fast" shutdown, which ends open sessions instead of waiting for them.
        child.kill('SIGINT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
