// server/ is split by process, and the split is checked here, import by import:
// - nothing under server/ imports Next or app/; React only server/render/page/, the page bundle the
//   render server loads into headless Chromium to draw the visitor's own scene (what else server/
//   takes from components/, the stream protocol client the Node test viewer shares, is React-free);
// - the web app's side imports nothing of the render server's side: it asks the render server over
//   HTTP (server/web/render-server-client.ts), sharing only pure modules (scenes/, server/render-api/,
//   server/errors.ts, server/log.ts);
// - the shared contract imports neither side.
// Each folder's README.md says which process owns it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The web app's process (Next): its services, staff, studio routes and audit log, and the database they share with the render server. */
const WEB_APP_SIDE = ['server/web', 'server/staff', 'server/routes', 'server/audit', 'server/db'];
/** The render server's process (and the render nodes of its farm). */
const RENDER_SERVER_SIDE = [
  'server/bake',
  'server/render',
  'server/stream',
  'server/http',
  'server/farm',
  'server/nodes',
  'server/frame-store',
  'server/render-server.ts',
  'server/render-server-config.ts',
  'server/main.ts',
  'server/metrics.ts',
];
/** Pure modules both processes (and the browser) may import. */
const SHARED = ['scenes', 'server/render-api', 'server/errors.ts', 'server/log.ts'];
/** The render page bundle: browser code the render server serves to headless Chromium. */
const RENDER_PAGE_BUNDLE = 'server/render/page';

const IMPORT_PATTERN =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

interface ImportEdge {
  file: string;
  specifier: string;
  /** Repository-relative path of a local import, or null for a package. */
  target: string | null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) ? [relative] : [];
  });
}

function importsOf(file: string): ImportEdge[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return [...text.matchAll(IMPORT_PATTERN)].map((match) => {
    const specifier = match[1] ?? match[2] ?? match[3];
    let target: string | null = null;
    if (specifier.startsWith('@/')) target = path.posix.normalize(specifier.slice(2));
    else if (specifier.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    return { file, specifier, target };
  });
}

function within(target: string, area: string): boolean {
  return target === area || target.startsWith(`${area}/`) || target.replace(/\.(ts|tsx)$/, '') === area.replace(/\.(ts|tsx)$/, '');
}

const inAny = (target: string, areas: readonly string[]) => areas.some((area) => within(target, area));
const ALL_IMPORTS = sourceFiles('server').flatMap(importsOf);
const describeEdge = ({ file, specifier }: ImportEdge) => `${file} imports ${specifier}`;

test('the scan sees the imports it judges (a broken pattern would pass everything)', () => {
  assert.ok(ALL_IMPORTS.length > 300, `only ${ALL_IMPORTS.length} imports found under server/`);
  assert.ok(
    ALL_IMPORTS.some((edge) => edge.file === 'server/web/web-app-services.ts' && edge.target === 'server/web/render-server-client'),
  );
  assert.ok(ALL_IMPORTS.some((edge) => edge.file.startsWith(RENDER_PAGE_BUNDLE) && edge.specifier === 'react-dom/client'));
});

test('nothing under server/ imports Next or app/', () => {
  const offending = ALL_IMPORTS.filter(
    ({ specifier, target }) => specifier === 'next' || specifier.startsWith('next/') || (target !== null && within(target, 'app')),
  );
  assert.deepEqual(offending.map(describeEdge), []);
});

test('React only in the render page bundle that headless Chromium runs; what else server/ takes from components/ is React-free', () => {
  const isReact = (specifier: string) => /^react(-dom)?(\/|$)/.test(specifier) || specifier.startsWith('@react-three/');
  const outsideBundle = ALL_IMPORTS.filter(({ file }) => !within(file, RENDER_PAGE_BUNDLE));
  assert.deepEqual(outsideBundle.filter(({ specifier }) => isReact(specifier)).map(describeEdge), []);
  // The Node test viewer shares the browser's protocol client (components/player/cloud/): fine while that code is plain TypeScript.
  const fromComponents = outsideBundle.filter(({ target }) => target !== null && within(target, 'components'));
  for (const edge of fromComponents) {
    const file = [`${edge.target}.ts`, `${edge.target}/index.ts`].find((candidate) => fs.existsSync(path.join(ROOT, candidate)));
    assert.ok(file !== undefined, `${describeEdge(edge)}: not a plain .ts module (a .tsx component?)`);
    assert.deepEqual(
      importsOf(file)
        .filter(({ specifier }) => isReact(specifier))
        .map(describeEdge),
      [],
      describeEdge(edge),
    );
  }
});

test("the web app's side imports nothing of the render server's side", () => {
  const offending = ALL_IMPORTS.filter(
    ({ file, target }) => inAny(file, WEB_APP_SIDE) && target !== null && inAny(target, RENDER_SERVER_SIDE),
  );
  assert.deepEqual(offending.map(describeEdge), []);
});

test('the shared modules import only shared modules', () => {
  const offending = ALL_IMPORTS.filter(({ file, target }) => inAny(file, SHARED) && target !== null && !inAny(target, SHARED));
  assert.deepEqual(offending.map(describeEdge), []);
});

test('every file under server/ belongs to one side or the shared modules', () => {
  const unplaced = sourceFiles('server').filter((file) => !inAny(file, [...WEB_APP_SIDE, ...RENDER_SERVER_SIDE, ...SHARED]));
  assert.deepEqual(unplaced, []);
});

test("each server/ folder's README.md says which process owns it", () => {
  const folders = fs.readdirSync(path.join(ROOT, 'server'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const { name } of folders) {
    const readme = path.join(ROOT, 'server', name, 'README.md');
    assert.ok(fs.existsSync(readme), `server/${name}/README.md is missing`);
    const side = inAny(`server/${name}`, WEB_APP_SIDE)
      ? /web app/i
      : inAny(`server/${name}`, SHARED)
        ? /both processes/i
        : /render server/i;
    assert.match(fs.readFileSync(readme, 'utf8').split('\n').slice(0, 3).join(' '), side, `server/${name}/README.md`);
  }
});
