// Copies detect-gpu's benchmark tables into public/ so the browser fetches them from our own
// origin: the library's default is the unpkg CDN, which some visitors (China) cannot reach.
// Run after upgrading detect-gpu (`npm run gpu-benchmarks`) and commit the copies; a unit
// test fails while they differ from the installed package.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules', 'detect-gpu', 'dist', 'benchmarks');
const target = join(root, 'public', 'detect-gpu', 'benchmarks');

const files = readdirSync(source).filter((name) => name.endsWith('.json'));
if (files.length === 0) throw new Error(`No benchmark files in ${source}: is detect-gpu installed?`);

mkdirSync(target, { recursive: true });
// A table the new version dropped must not linger and be served stale.
for (const name of readdirSync(target)) {
  if (name.endsWith('.json') && !files.includes(name)) rmSync(join(target, name));
}
for (const name of files) copyFileSync(join(source, name), join(target, name));
console.log(`Copied ${files.length} detect-gpu benchmark files to ${target}`);
