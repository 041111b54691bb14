// A second frames folder that shares the fixture's baked files by hard link, less some profiles:
// a route "baked without its sphere" for the tests that need one, at no bake and no copy. The
// frame store never rewrites a stored file in place (segments and blobs are content-addressed,
// manifests written whole), so the shared inodes are safe to read from both folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProfileId } from '@/scenes/protocol/profile-ladder';

/** Links every file under `from` into a fresh temp folder, leaving out the named profiles' folders; returns the new folder. */
export function linkFramesWithout(from: string, without: readonly ProfileId[]): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-linked-frames-'));
  const skip = new Set<string>(without);
  const walk = (source: string, target: string) => {
    for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
      const from = path.join(source, entry.name);
      const into = path.join(target, entry.name);
      if (entry.isDirectory()) {
        if (skip.has(entry.name)) continue;
        fs.mkdirSync(into);
        walk(from, into);
      } else if (entry.isFile()) fs.linkSync(from, into);
    }
  };
  walk(from, to);
  return to;
}
