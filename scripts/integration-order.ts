// The order the integration phase runs its files in: every file that needs the end-to-end
// cloud fixture runs after every file that does not. The fixture bakes in the background
// from the start of `npm test` (prebake-cloud-fixture.ts) and takes about 16 minutes on two
// cores; the first file that needs it waits for it. In alphabetical order that file
// (tests/e2e/bake-lands-mid-flight) came right after the API files and waited some 7.5 of
// those minutes with nothing else running, while some twenty minutes of files that need
// no fixture sat behind it.
import fs from 'node:fs';
import path from 'node:path';

/** The module every fixture user reaches, directly or through other test helpers. */
export const CLOUD_FIXTURE_MODULE = 'tests/helpers/cloud-stream-fixture.ts';

/** The relative imports of a source text (`from './x'`, `import('../y')`), as written. */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(match[1]);
  return found;
}

/**
 * Splits `files` into those that reach `target` through their imports (`importsOf` gives a
 * file's resolved imports) and the rest, each kept in its given order: the rest first.
 */
export function fixtureUsersLast(files: readonly string[], importsOf: (file: string) => readonly string[], target: string): string[] {
  const reaches = new Map<string, boolean>();
  const visit = (file: string, trail: Set<string>): boolean => {
    const known = reaches.get(file);
    if (known !== undefined) return known;
    if (file === target) return true;
    if (trail.has(file)) return false;
    trail.add(file);
    const result = importsOf(file).some((imported) => visit(imported, trail));
    trail.delete(file);
    reaches.set(file, result);
    return result;
  };
  const users = files.filter((file) => visit(file, new Set()));
  return [...files.filter((file) => !users.includes(file)), ...users];
}

function resolveImport(from: string, specifier: string): string {
  const base = path.normalize(path.join(path.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return base;
}

function importsOnDisk(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  return relativeImports(fs.readFileSync(file, 'utf8')).map((specifier) => resolveImport(file, specifier));
}

// `node --import tsx scripts/integration-order.ts FILE...` prints the files in run order, one a line.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const files = process.argv.slice(2).map((file) => path.normalize(file));
  for (const file of fixtureUsersLast(files, importsOnDisk, CLOUD_FIXTURE_MODULE)) console.log(file);
}
