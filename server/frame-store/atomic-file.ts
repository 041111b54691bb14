// Crash-safe file replacement: write a temp file in the target folder, fsync it, rename it
// over the target, fsync the folder. A crash leaves either the old file or the new one,
// never a torn one; a leftover temp file has a name no reader looks for.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const TEMP_SUFFIX = '.tmp';
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;
/** A temp file this old is abandoned whoever wrote it. */
const ABANDONED_AFTER_MS = 60 * 60_000;

export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

/** Whether a process with this id runs now (signal 0 checks without sending anything). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes temp files left in `directory` by writers that died mid-write: their process is
 * gone, or the file is over an hour old. Returns the names removed.
 */
export async function removeAbandonedTempFiles(directory: string, nowMs: number = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const filePath = path.join(directory, name);
    const stat = await fs.stat(filePath).catch(() => null);
    if (stat === null) continue;
    const writerGone = Number(match[1]) !== process.pid && !processIsAlive(Number(match[1]));
    if (writerGone || nowMs - stat.mtimeMs > ABANDONED_AFTER_MS) {
      await fs.rm(filePath, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

async function fsyncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** mkdir -p that also makes each newly created folder's entry durable in its parent. */
export async function ensureDirectoryDurable(directory: string): Promise<void> {
  const firstCreated = await fs.mkdir(directory, { recursive: true });
  if (firstCreated === undefined) return;
  const relative = path.relative(firstCreated, directory);
  const created = [firstCreated];
  let current = firstCreated;
  for (const part of relative === '' ? [] : relative.split(path.sep)) {
    current = path.join(current, part);
    created.push(current);
  }
  await fsyncDirectory(path.dirname(firstCreated));
  // Each new folder's own entries (its child folders) must be durable too, deepest last.
  for (const folder of created.slice(0, -1)) await fsyncDirectory(folder);
}

export async function writeFileAtomic(filePath: string, parts: readonly Uint8Array[]): Promise<void> {
  const directory = path.dirname(filePath);
  await ensureDirectoryDurable(directory);
  const tempPath = path.join(directory, `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await fs.open(tempPath, 'wx');
  try {
    try {
      // writeFile loops until every byte is written; a bare write() may stop short.
      await handle.writeFile(Buffer.concat(parts));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tempPath, filePath);
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  await fsyncDirectory(directory);
}

/** The file's bytes, or null when it does not exist. */
export async function readFileIfExists(filePath: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Makes `target` a second name of the file at `existing` (a hard link), replacing whatever
 * `target` was in one rename: a reader sees the old file or the new one, never neither.
 */
export async function linkFileAtomic(existing: string, target: string): Promise<void> {
  const directory = path.dirname(target);
  await ensureDirectoryDurable(directory);
  const tempPath = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  await fs.link(existing, tempPath);
  try {
    await fs.rename(tempPath, target);
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    throw error;
  }
  await fsyncDirectory(directory);
}
