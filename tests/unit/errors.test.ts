// Each domain error maps to its own status, whichever copy of its class made it, and
// nothing else ever leaks its message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  ConflictError,
  DataIntegrityError,
  ForbiddenError,
  MethodNotAllowedError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  DOMAIN_ERROR_BRAND,
  NOT_FOUND_CODE,
  hasDomainErrorCode,
  isDataIntegrityError,
  isUnexpectedError,
  toHttpError,
} from '@/server/errors';
import { isRevisionConflictError } from '@/server/routes/route-write-errors';
import { isRouteNotPublishableError } from '@/server/routes/route-publish-errors';
import { isLeaseLostError } from '@/server/bake/bake-queue-errors';
import { isCorruptChunkError } from '@/server/frame-store/frame-store-errors';

test('domain errors map to their status, code and message', () => {
  const cases: [Error, number, string][] = [
    [new NotFoundError('no route "x"'), 404, 'not_found'],
    [new ConflictError('revision 3 already published'), 409, 'conflict'],
    [new UnauthorizedError('sign in first'), 401, 'unauthorized'],
    [new ForbiddenError('editors only'), 403, 'forbidden'],
  ];
  for (const [error, status, code] of cases) {
    const mapped = toHttpError(error);
    assert.equal(mapped.status, status);
    assert.deepEqual(mapped.body, { error: { code, message: error.message } });
    assert.equal(mapped.headers['Cache-Control'], 'no-store');
  }
});

test('a validation error carries the zod issues with their paths', () => {
  const result = z.strictObject({ id: z.string().regex(/^[a-z]+$/), n: z.number() }).safeParse({ id: 'ABC', n: 'x' });
  assert.ok(!result.success);
  const mapped = toHttpError(new ValidationError('bad request', result.error.issues));
  assert.equal(mapped.status, 400);
  assert.equal(mapped.body.error.code, 'invalid_request');
  assert.deepEqual(
    mapped.body.error.issues?.map((issue) => issue.path),
    [['id'], ['n']],
  );
  assert.ok(mapped.body.error.issues?.every((issue) => issue.message.length > 0 && issue.code.length > 0));
});

test('405 names the allowed methods in the Allow header', () => {
  const mapped = toHttpError(new MethodNotAllowedError('POST', ['GET', 'HEAD']));
  assert.equal(mapped.status, 405);
  assert.equal(mapped.headers.Allow, 'GET, HEAD');
  assert.match(mapped.body.error.message, /POST/);
});

test('anything else is a bare 500 that shows neither message nor stack', () => {
  const secrets = [
    new Error('SQLITE_CORRUPT: SELECT route_json FROM route_revisions'),
    new DataIntegrityError('route "a" revision 2 is not a valid route'),
    new TypeError("Cannot read properties of undefined (reading 'id')"),
    'a thrown string',
    undefined,
  ];
  for (const thrown of secrets) {
    const mapped = toHttpError(thrown);
    assert.equal(mapped.status, 500);
    assert.equal(mapped.body.error.code, 'internal');
    assert.equal(mapped.body.error.issues, undefined);
    const text = JSON.stringify(mapped.body);
    assert.doesNotMatch(text, /SQLITE|SELECT|revision|undefined|thrown|\n\s+at /);
  }
});

// Next's build may hold several copies of a module; an error made by one copy must map the
// same in another. Importing the file again under another URL gives a genuine second copy.
async function separateCopyOf<Module>(relativePath: string): Promise<Module> {
  return (await import(new URL(`${relativePath}?copy=another-bundle`, import.meta.url).href)) as Module;
}

test('errors made by a separate copy of their classes keep their status: 404, 409, 400 with issues, 405 with Allow', async () => {
  const copy = await separateCopyOf<typeof import('@/server/errors')>('../../server/errors.ts');
  assert.notEqual(copy.ConflictError, ConflictError, 'the copy has classes of its own');

  const notFound = toHttpError(new copy.NotFoundError('no route "x"'));
  assert.deepEqual([notFound.status, notFound.body], [404, { error: { code: 'not_found', message: 'no route "x"' } }]);
  assert.equal(toHttpError(new copy.ConflictError('revision 3 already published')).status, 409);

  const result = z.strictObject({ n: z.number() }).safeParse({ n: 'x' });
  assert.ok(!result.success);
  const invalid = toHttpError(new copy.ValidationError('bad request', result.error.issues));
  assert.equal(invalid.status, 400);
  assert.deepEqual(
    invalid.body.error.issues?.map((issue) => issue.path),
    [['n']],
  );

  const notAllowed = toHttpError(new copy.MethodNotAllowedError('POST', ['GET']));
  assert.deepEqual([notAllowed.status, notAllowed.headers.Allow], [405, 'GET']);
  assert.equal(isUnexpectedError(new copy.NotFoundError('gone')), false);
});

// Spelled out, not imported: another bundle reaches the same symbol through the registry.
const BRAND_OF_ANOTHER_BUNDLE: unique symbol = Symbol.for('yunshan.domain-error');

test('a domain error is recognised by its brand and code, not its class', () => {
  class ForeignConflict extends Error {
    readonly [BRAND_OF_ANOTHER_BUNDLE] = true;
    readonly status = 409;
    readonly code = 'conflict';
  }
  assert.equal(toHttpError(new ForeignConflict('taken')).status, 409);
  const plain = Object.assign(new Error('no such route'), { [DOMAIN_ERROR_BRAND]: true, status: 404, code: 'not_found' });
  assert.equal(toHttpError(plain).status, 404);
  assert.equal(hasDomainErrorCode(plain, NOT_FOUND_CODE), true);
  assert.equal(hasDomainErrorCode(plain, 'conflict'), false);
});

test('a status and code without the brand are not enough to show a message', () => {
  // Library and system errors carry codes and statuses of their own; their messages must not leak.
  const unbranded = Object.assign(new Error('SQLITE_BUSY: database is locked'), { status: 409, code: 'conflict' });
  assert.equal(toHttpError(unbranded).status, 500);
  assert.equal(isUnexpectedError(unbranded), true);
});

test('a data integrity error from a separate copy is still recognised, and still a bare 500', async () => {
  const copy = await separateCopyOf<typeof import('@/server/errors')>('../../server/errors.ts');
  const corrupt = new copy.DataIntegrityError('route "a" revision 2 is not a valid route');
  assert.equal(isDataIntegrityError(corrupt), true);
  assert.equal(isDataIntegrityError(new Error('route "a"')), false);
  assert.equal(toHttpError(corrupt).status, 500);
});

test("the studio's revision conflicts and unpublishable routes are recognised across copies", async () => {
  const writeErrors = await separateCopyOf<typeof import('@/server/routes/route-write-errors')>(
    '../../server/routes/route-write-errors.ts',
  );
  const publishErrors = await separateCopyOf<typeof import('@/server/routes/route-publish-errors')>(
    '../../server/routes/route-publish-errors.ts',
  );
  const current = {
    routeId: 'river-walk',
    revision: 2,
    route: {} as never,
    createdAt: '2025-01-01T00:00:00.000Z',
    published: false,
    publishedAt: null,
  };
  const conflict = new writeErrors.RevisionConflictError(1, current);
  assert.equal(isRevisionConflictError(conflict), true);
  assert.equal(toHttpError(conflict).status, 409);
  assert.equal(isRevisionConflictError(new writeErrors.RouteArchivedError('archived')), false);
  assert.equal(isRevisionConflictError(new ConflictError('taken')), false);

  const unpublishable = new publishErrors.RouteNotPublishableError(3, []);
  assert.equal(isRouteNotPublishableError(unpublishable), true);
  assert.equal(toHttpError(unpublishable).status, 422);
  assert.equal(isRouteNotPublishableError(conflict), false);
});

test("the bake worker's lease and chunk errors are recognised by code across copies", async () => {
  const queueErrors = await separateCopyOf<typeof import('@/server/bake/bake-queue-errors')>('../../server/bake/bake-queue-errors.ts');
  const storeErrors = await separateCopyOf<typeof import('@/server/frame-store/frame-store-errors')>(
    '../../server/frame-store/frame-store-errors.ts',
  );
  assert.equal(isLeaseLostError(new queueErrors.LeaseLostError(7, 'worker-a')), true);
  assert.equal(isLeaseLostError(new Error('Bake job 7 is no longer leased')), false);
  const key = { routeId: 'river-walk', revision: 2, profileId: '360p', sceneVersion: 'abc' } as const;
  assert.equal(isCorruptChunkError(new storeErrors.CorruptChunkError(key, 0, 3, 'checksum mismatch')), true);
  assert.equal(isCorruptChunkError(new storeErrors.CorruptManifestError(key, 'truncated')), false);
});
