// The detect-gpu benchmark tables we serve from public/ must be the installed package's own:
// an upgrade that forgets `npm run gpu-benchmarks` would match GPUs against stale tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const installedDir = path.join('node_modules', 'detect-gpu', 'dist', 'benchmarks');
const servedDir = path.join('public', 'detect-gpu', 'benchmarks');

function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

test('public/detect-gpu/benchmarks holds exactly the installed detect-gpu tables', () => {
  const installed = jsonFiles(installedDir);
  assert.ok(installed.length > 0, 'detect-gpu ships its benchmark tables');
  assert.deepEqual(jsonFiles(servedDir), installed, 'same file names: run `npm run gpu-benchmarks`');
  for (const name of installed) {
    const same = fs.readFileSync(path.join(servedDir, name)).equals(fs.readFileSync(path.join(installedDir, name)));
    assert.ok(same, `${name} differs from the installed package: run \`npm run gpu-benchmarks\``);
  }
});

test('every family table detect-gpu can ask for is served', () => {
  // detect-gpu fetches `${m|d}-${family}${-ipad}.json`, the families listed in its bundle.
  const bundle = fs.readFileSync(path.join('node_modules', 'detect-gpu', 'dist', 'detect-gpu.esm.js'), 'utf8');
  const lists = bundle.match(/\?\[("[a-z-]+"(?:,"[a-z-]+")*)\]:\[("[a-z-]+"(?:,"[a-z-]+")*)\]/);
  assert.ok(lists, 'the family lists are still where this test looks for them');
  const parse = (list: string) => list.split(',').map((quoted) => quoted.slice(1, -1));
  const wanted = [
    ...parse(lists[1]).map((family) => `m-${family}.json`),
    ...parse(lists[2]).map((family) => `d-${family}.json`),
    'm-apple-ipad.json',
  ];
  const served = new Set(jsonFiles(servedDir));
  for (const name of wanted) assert.ok(served.has(name), `${name} is served`);
});

test('each served table carries a data version detect-gpu 5 accepts', () => {
  for (const name of jsonFiles(servedDir)) {
    const table: unknown = JSON.parse(fs.readFileSync(path.join(servedDir, name), 'utf8'));
    assert.ok(Array.isArray(table) && typeof table[0] === 'string', `${name} starts with its version`);
    // detect-gpu refuses tables older than major version 4.
    assert.ok(Number.parseInt(table[0].split('.')[0], 10) >= 4, `${name} version ${table[0]}`);
  }
});
