// The scene version follows the pixel-deciding source: any shader or scene edit makes a new bake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPixelSource, PIXEL_SOURCE_PATHS } from '../../server/bake/scene-version';

function fakeTree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-scene-version-'));
  for (const relative of PIXEL_SOURCE_PATHS) {
    if (relative.endsWith('.ts')) {
      fs.mkdirSync(path.join(root, path.dirname(relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), 'export const ladder = 1;\n');
    } else {
      fs.mkdirSync(path.join(root, relative, 'nested'), { recursive: true });
      fs.writeFileSync(path.join(root, relative, 'nested', 'shader.ts'), `export const glsl = '${relative}';\n`);
      fs.writeFileSync(path.join(root, relative, 'README.md'), 'not source\n');
    }
  }
  return root;
}

test('the source fingerprint is stable, follows code edits and ignores non-source files', () => {
  const root = fakeTree();
  try {
    const first = hashPixelSource(root);
    assert.match(first, /^[0-9a-f]{12}$/);
    assert.equal(hashPixelSource(root), first);
    fs.writeFileSync(path.join(root, PIXEL_SOURCE_PATHS[0], 'README.md'), 'edited prose\n');
    assert.equal(hashPixelSource(root), first, 'prose does not change pixels');
    fs.writeFileSync(path.join(root, 'components/scene', 'nested', 'shader.ts'), "export const glsl = 'brighter';\n");
    assert.notEqual(hashPixelSource(root), first, 'a shader edit does');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a missing source folder is a clear error, not a silent fingerprint', () => {
  const root = fakeTree();
  try {
    fs.rmSync(path.join(root, 'components/scene'), { recursive: true });
    assert.throws(() => hashPixelSource(root), /components\/scene is missing/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
