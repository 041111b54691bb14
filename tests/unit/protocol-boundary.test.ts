// scenes/protocol is shared by the browser and Node: it may import zod and other pure
// scenes/ code, never React, the DOM, Node built-ins or the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PROTOCOL_DIR = path.join(process.cwd(), 'scenes/protocol');
const SCENES_DIR = path.join(process.cwd(), 'scenes');
const protocolFiles = fs.readdirSync(PROTOCOL_DIR).filter((name) => name.endsWith('.ts'));

function importsOf(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'/gm), ...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map(
    (match) => match[1],
  );
}

test('every protocol file imports only zod and pure scenes/ code', () => {
  assert.ok(protocolFiles.length >= 8, `found ${protocolFiles.length} files`);
  for (const name of protocolFiles) {
    for (const specifier of importsOf(fs.readFileSync(path.join(PROTOCOL_DIR, name), 'utf8'))) {
      if (specifier === 'zod') continue;
      assert.ok(specifier.startsWith('.'), `${name} imports ${specifier}`);
      const target = path.resolve(PROTOCOL_DIR, specifier);
      assert.ok(target.startsWith(SCENES_DIR + path.sep), `${name} imports ${specifier}, outside scenes/`);
    }
  }
});

test('the import scan sees what it must refuse', () => {
  assert.deepEqual(
    importsOf("import { a } from 'react';\nimport type { B } from '@/server/x';\nexport { c } from './c';\nconst d = import('node:fs');"),
    ['react', '@/server/x', './c', 'node:fs'],
  );
});

test('every protocol module loads under Node with no DOM', async () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  for (const name of protocolFiles) {
    const module = (await import(pathToFileURL(path.join(PROTOCOL_DIR, name)).href)) as Record<string, unknown>;
    assert.ok(Object.keys(module).length > 0, `${name} exports something`);
  }
});
