// instrumentation-client.ts sets zod's jitless option before zod loads, through the global
// object zod adopts; if a zod upgrade stops reading it, the browser would probe for eval
// again under the CSP. This runs in its own process, so zod is not loaded yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('zod loaded after instrumentation-client.ts runs is jitless', async () => {
  assert.equal(globalThis.__zod_globalConfig, undefined, 'nothing set zod up before this test');
  await import('@/instrumentation-client');
  const { z } = await import('zod');
  assert.equal(z.config().jitless, true);
  assert.deepEqual(z.object({ a: z.number() }).parse({ a: 1 }), { a: 1 }, 'and parses as before');
});
