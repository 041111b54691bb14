// The order the integration phase runs its files in: every file that needs the end-to-end
// cloud fixture runs after every file that does not. The fixture bakes in the background
// from the start of `npm test` (prebake-cloud-fixture.ts) and takes about 16 minutes on two
// cores; the first file that needs it waits for it. In alphabetical order that file
// (tests/e2e/bake-lands-mid-flight) came right after the API files and waited some 7.5 of
// those minutes with nothing else running, while some twenty minutes of files that need
// no fixture sat behind it. Node's test runner sorts the files it is given, so the two groups
// run as two invocations (scripts/test.sh), and this script prints one group at a time.
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

/** Which of `files` reach `target` through their imports (`importsOf` gives a file's resolved imports), in their given order. */
export function filesReaching(files: readonly string[], importsOf: (file: string) => readonly string[], target: string): string[] {
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
  return files.filter((file) => visit(file, new Set()));
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

// `node --import tsx scripts/integration-order.ts fixture|others FILE...` prints, one a line, the
// files that need the cloud fixture, or the others.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [group, ...given] = process.argv.slice(2);
  if (group !== 'fixture' && group !== 'others') {
    console.error(`integration-order: the first argument is "fixture" or "others", not ${JSON.stringify(group)}`);
    process.exit(2);
  }
  const files = given.map((file) => path.normalize(file));
  const users = new Set(filesReaching(files, importsOnDisk, CLOUD_FIXTURE_MODULE));
  for (const file of files) if (users.has(file) === (group === 'fixture')) console.log(file);
}
