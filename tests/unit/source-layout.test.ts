// The layout rules of the source folders (issue 11), checked file by file:
// - no source file over 400 lines, so that each stays one concept a reader can hold; data
//   (the curated routes) lives in JSON files, which this does not count; an exception must be
//   named below with its reason;
// - no import that climbs two or more folders: those use the '@/…' alias, so moving a file
//   does not silently change what its imports mean (ESLint says the same as you type).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SOURCE_FOLDERS = ['app', 'components', 'scenes', 'server'];
const MAX_LINES = 400;

/** Files allowed past MAX_LINES, each with why. None today. */
const LONG_FILE_EXCEPTIONS: Record<string, string> = {};

/** An import or export's module path, static or dynamic, or a bare side-effect import. */
const IMPORT_PATTERN =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const FILES = SOURCE_FOLDERS.flatMap(sourceFiles);

function lineCount(file: string): number {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

test('the source folders hold TypeScript files to check', () => {
  assert.ok(FILES.length > 100, `found only ${FILES.length} files`);
});

test(`no source file is over ${MAX_LINES} lines unless named as an exception`, () => {
  const long = FILES.filter((file) => !(file in LONG_FILE_EXCEPTIONS) && lineCount(file) > MAX_LINES);
  assert.deepEqual(
    long.map((file) => `${file}: ${lineCount(file)} lines`),
    [],
  );
});

test('every named exception still exists and is still long', () => {
  for (const file of Object.keys(LONG_FILE_EXCEPTIONS)) {
    assert.ok(FILES.includes(file), `${file} is named as an exception but is gone`);
    assert.ok(lineCount(file) > MAX_LINES, `${file} is no longer over ${MAX_LINES} lines: drop its exception`);
  }
});

test("no import climbs two or more folders (they use '@/…')", () => {
  const climbing = FILES.flatMap((file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    return [...text.matchAll(IMPORT_PATTERN)]
      .map((match) => match[1] ?? match[2] ?? match[3])
      .filter((specifier) => specifier.startsWith('../../'))
      .map((specifier) => `${file}: ${specifier}`);
  });
  assert.deepEqual(climbing, []);
});

test('the checks catch what they look for', () => {
  // The pattern itself, on the three forms an import takes.
  const found = (text: string) => [...text.matchAll(IMPORT_PATTERN)].map((match) => match[1] ?? match[2] ?? match[3]);
  assert.deepEqual(found("import { a } from '../../x';"), ['../../x']);
  assert.deepEqual(found("import '../../side-effect';"), ['../../side-effect']);
  assert.deepEqual(found("const m = await import('../../lazy');"), ['../../lazy']);
  assert.deepEqual(found("export { b } from '../../y';"), ['../../y']);
});
