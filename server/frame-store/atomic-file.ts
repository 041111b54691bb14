// Crash-safe file replacement: write a temp file in the target folder, fsync it, rename it
// over the target, fsync the folder. A crash leaves either the old file or the new one,
// never a torn one; a leftover temp file has a name no reader looks for.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const TEMP_SUFFIX = '.tmp';

export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
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
