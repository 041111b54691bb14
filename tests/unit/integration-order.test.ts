// Which integration files need the cloud fixture: they run last, so the fixture's background
// bake overlaps the files that need nothing from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filesReaching, relativeImports } from '@/scripts/integration-order';

const FIXTURE = 'tests/helpers/fixture.ts';

test('a file reaches the fixture directly or through other helpers; an import loop that never reaches it does not', () => {
  const imports: Record<string, string[]> = {
    'tests/api/a.test.ts': ['tests/helpers/next.ts'],
    'tests/e2e/b.test.ts': [FIXTURE],
    'tests/e2e/c.test.ts': ['tests/helpers/browser.ts'],
    'tests/render/d.test.ts': ['tests/render/stream-fixture.ts'],
    'tests/render/stream-fixture.ts': ['tests/helpers/origin.ts'],
    'tests/helpers/origin.ts': [FIXTURE],
    'tests/scale/e.test.ts': ['tests/helpers/loop-a.ts'],
    'tests/helpers/loop-a.ts': ['tests/helpers/loop-b.ts'],
    'tests/helpers/loop-b.ts': ['tests/helpers/loop-a.ts'],
  };
  const files = ['tests/api/a.test.ts', 'tests/e2e/b.test.ts', 'tests/e2e/c.test.ts', 'tests/render/d.test.ts', 'tests/scale/e.test.ts'];
  assert.deepEqual(
    filesReaching(files, (file) => imports[file] ?? [], FIXTURE),
    ['tests/e2e/b.test.ts', 'tests/render/d.test.ts'],
  );
});

test('relative imports are read from static and dynamic imports; packages and aliases are not', () => {
  const source = [
    "import { a } from '../helpers/cloud-stream-fixture';",
    "import type { B } from './stream-test-fixture';",
    "import assert from 'node:assert/strict';",
    "import { c } from '@/server/render-server';",
    "const d = await import('../helpers/linked-frames');",
  ].join('\n');
  assert.deepEqual(relativeImports(source), ['../helpers/cloud-stream-fixture', './stream-test-fixture', '../helpers/linked-frames']);
});
