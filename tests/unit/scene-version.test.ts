// The scene version follows the pixel-deciding source: any shader or scene edit makes a new bake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPixelSource, NON_PIXEL_SOURCE_PATHS, PIXEL_SOURCE_PATHS } from '@/server/bake/scene-version';

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

test('the stream protocol decides no pixels, but its profile ladder does', () => {
  const root = fakeTree();
  try {
    assert.deepEqual(NON_PIXEL_SOURCE_PATHS, ['scenes/protocol']);
    const protocol = path.join(root, 'scenes/protocol');
    fs.writeFileSync(path.join(protocol, 'chunk-codec.ts'), 'export const CHUNK_HEADER_BYTES = 36;\n');
    const first = hashPixelSource(root);
    fs.writeFileSync(path.join(protocol, 'chunk-codec.ts'), 'export const CHUNK_HEADER_BYTES = 40;\n');
    fs.mkdirSync(path.join(protocol, 'nested'), { recursive: true });
    fs.writeFileSync(path.join(protocol, 'nested', 'server-messages.ts'), 'export const added = true;\n');
    assert.equal(hashPixelSource(root), first, 'codec and message edits do not change pixels');
    fs.writeFileSync(path.join(protocol, 'profile-ladder.ts'), 'export const ladder = 2;\n');
    const afterLadder = hashPixelSource(root);
    assert.notEqual(afterLadder, first, 'a ladder edit does');
    fs.writeFileSync(path.join(root, 'scenes', 'nested', 'shader.ts'), "export const glsl = 'darker';\n");
    assert.notEqual(hashPixelSource(root), afterLadder, 'the rest of scenes/ still counts');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the profile ladder the scene version hashes is the real one', () => {
  assert.ok(PIXEL_SOURCE_PATHS.includes('scenes/protocol/profile-ladder.ts'));
  assert.ok(fs.statSync(path.join(process.cwd(), 'scenes/protocol/profile-ladder.ts')).isFile());
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
