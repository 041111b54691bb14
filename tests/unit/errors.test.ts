// Each domain error maps to its own status, and nothing else ever leaks its message.
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
  toHttpError,
} from '../../server/errors';

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
