// The hook the web app's process preloads: every request's X-Forwarded-For ends with
// the socket's own peer address, whatever the client wrote, so client-address.ts can
// count back from an entry nobody outside could forge. Run in a child process, since
// the hook patches node:http for the whole process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const HOOK_URL = pathToFileURL(path.resolve(import.meta.dirname, '../../server/staff/peer-address-hook.mjs')).href;

const SERVER_AND_CLIENT = `
import http from 'node:http';
const server = http.createServer((request, response) => response.end(request.headers['x-forwarded-for'] ?? '(none)'));
server.listen(0, '127.0.0.1', async () => {
  const url = 'http://127.0.0.1:' + server.address().port + '/';
  const seen = [];
  for (const headers of [{}, { 'x-forwarded-for': '6.6.6.6' }, { 'x-forwarded-for': '6.6.6.6, 7.7.7.7' }]) {
    seen.push(await (await fetch(url, { headers })).text());
  }
  console.log(JSON.stringify(seen));
  server.close();
});
`;

function forwardedForSeen(nodeArgs: string[]): string[] {
  const output = execFileSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', SERVER_AND_CLIENT], { encoding: 'utf8' });
  return JSON.parse(output) as string[];
}

test('the peer address is appended to whatever the client wrote', () => {
  assert.deepEqual(forwardedForSeen(['--import', HOOK_URL]), ['127.0.0.1', '6.6.6.6, 127.0.0.1', '6.6.6.6, 7.7.7.7, 127.0.0.1']);
});

test('without the hook a client-written header arrives untouched (why the hook exists)', () => {
  assert.deepEqual(forwardedForSeen([]), ['(none)', '6.6.6.6', '6.6.6.6, 7.7.7.7']);
});
