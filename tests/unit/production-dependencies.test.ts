// A production install (`npm ci --omit=dev`, or `npm prune --omit=dev` after the build)
// keeps only `dependencies`: every package the render server and the operator commands
// load at run time must be one, found by walking their import graph with esbuild, not by
// a list someone has to remember to update.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};

/** What `npm start`, `npm run render-server`, `npm run bake` and `npm run staff` run. */
const RUNTIME_ENTRIES = [
  'scripts/start.mjs',
  'server/main.ts',
  'scripts/bake.ts',
  'scripts/staff.ts',
  // Bundled for the renderers' browser page by the running server (render-page-bundle.ts).
  'server/render/page/render-page.tsx',
];
const RUNTIME_SCRIPTS = ['start', 'render-server', 'bake', 'staff'];

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);

async function runtimePackages(): Promise<Map<string, string>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: RUNTIME_ENTRIES,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    jsx: 'automatic',
    metafile: true,
    write: false,
    outdir: 'unused',
    logLevel: 'silent',
  });
  const found = new Map<string, string>();
  const add = (specifier: string, from: string) => {
    if (!isBuiltin(specifier)) found.set(packageName(specifier), from);
  };
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imported of input.imports) if (imported.external) add(imported.path, file);
    // createRequire(...)('pkg') loads a package esbuild cannot see (the optional native WebRTC module).
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const match of source.matchAll(/createRequire\([^)]*\)\(\s*['"]([^'"]+)['"]\s*\)/g)) add(match[1], file);
    // Child processes started as `node --import <loader> …`.
    for (const match of source.matchAll(/['"]--import['"],\s*['"]([^'"]+)['"]/g)) add(match[1], file);
  }
  for (const name of RUNTIME_SCRIPTS) {
    for (const match of (manifest.scripts[name] ?? '').matchAll(/--import\s+(\S+)/g)) add(match[1], `npm run ${name}`);
  }
  return found;
}

test('the runtime import graph is found (the walk itself works)', async () => {
  const packages = await runtimePackages();
  for (const expected of ['playwright-core', 'esbuild', 'tsx', 'better-sqlite3', '@roamhq/wrtc', 'three']) {
    assert.ok(packages.has(expected), `${expected} is loaded at run time`);
  }
});

test('every package the render server and the operator commands load at run time is a dependency', async () => {
  const missing = [...(await runtimePackages())]
    .filter(([name]) => !(name in manifest.dependencies))
    .map(([name, from]) => `${name} (loaded by ${from})`);
  assert.deepEqual(missing, [], 'an install with --omit=dev would lack these');
});
