// Staff passwords: the policy refuses short, common, decorated-common, email-based
// and repetitive ones; hashes are Argon2id with OWASP's parameters and salted.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { passwordProblems, MIN_PASSWORD_LENGTH } from '@/server/staff/password-policy';
import { hashPassword, verifyPassword, verifyAgainstDummy, needsRehash, PASSWORD_HASH_PARAMS } from '@/server/staff/password-hash';

const EMAIL = 'wang.fang@bureau.example.cn';

describe('passwordProblems', () => {
  test('accepts a long passphrase that is on no list', async () => {
    assert.deepEqual(await passwordProblems('misty pillars at dawn 47', EMAIL), []);
    assert.deepEqual(await passwordProblems('Tq8#vLz2!pWm', EMAIL), []);
  });

  test(`needs at least ${MIN_PASSWORD_LENGTH} characters, counted as code points`, async () => {
    assert.ok((await passwordProblems('Tq8#vLz2!pW', EMAIL)).includes('too_short'));
    assert.deepEqual(await passwordProblems('Tq8#vLz2!pWm', EMAIL), []);
    // Eleven CJK characters are eleven, not more, even though some take two UTF-16 units elsewhere.
    assert.ok((await passwordProblems('张家界天子山云海日出美', EMAIL)).includes('too_short'));
  });

  test('refuses common passwords in any case, and with digits or symbols tacked on', async () => {
    for (const password of [
      'qwertyuiop123',
      'PASSWORD1234',
      'Sunshine2024!!',
      '!!iloveyou!!2025',
      '1qaz2wsx3edc',
      'woaini1314520',
      'ZhangJiaJie2024!',
    ]) {
      assert.ok((await passwordProblems(password, EMAIL)).includes('common'), password);
    }
  });

  test('refuses a listed word repeated', async () => {
    assert.ok((await passwordProblems('dragondragon', EMAIL)).includes('common'));
  });

  test("refuses passwords that contain the email's local part, in any case", async () => {
    assert.ok((await passwordProblems('My-Wang.Fang-pass!', EMAIL)).includes('contains_email'));
    assert.ok(!(await passwordProblems('My-Wang.Fang-pass!', 'ana@bureau.example.cn')).includes('contains_email'));
  });

  test('refuses what zxcvbn guesses easily: words glued together, names and places of this site', async () => {
    for (const password of ['ilovematthew', 'wangfanglove', 'Wulingyuan2024', 'p@ssw0rd-2024']) {
      assert.ok((await passwordProblems(password, EMAIL)).includes('common'), password);
    }
  });

  test('accepts the passphrases the studio tests and docs use', async () => {
    for (const password of [
      'a gate in the clouds 999',
      'cloud sea over wulingyuan 8',
      'golden hour over tianzi 9',
      'golden whip stream 2031',
      'stone forest after rain 3',
    ]) {
      assert.deepEqual(await passwordProblems(password, 'curator@yunshan.example'), [], password);
    }
  });

  test('refuses too few distinct characters or one short unit repeated', async () => {
    assert.ok((await passwordProblems('aaaaaaaaaaaaaaaa', EMAIL)).includes('too_repetitive'));
    assert.ok((await passwordProblems('xk7-xk7-xk7-xk7-', EMAIL)).includes('too_repetitive'));
  });
});

describe('password hashing', () => {
  test('is Argon2id with m=19456 KiB, t=2, p=1 and a fresh salt each time', async () => {
    assert.deepEqual(PASSWORD_HASH_PARAMS, { memoryCostKiB: 19456, timeCost: 2, parallelism: 1, outputLengthBytes: 32 });
    const first = await hashPassword('misty pillars at dawn 47');
    const second = await hashPassword('misty pillars at dawn 47');
    assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]{43}$/);
    assert.notEqual(first, second);
    assert.equal(needsRehash(first), false);
  });

  test('verifies the right password only; unreadable hashes fail without throwing', async () => {
    const stored = await hashPassword('misty pillars at dawn 47');
    assert.equal(await verifyPassword(stored, 'misty pillars at dawn 47'), true);
    assert.equal(await verifyPassword(stored, 'misty pillars at dawn 48'), false);
    assert.equal(await verifyPassword('not a hash', 'misty pillars at dawn 47'), false);
    assert.equal(await verifyAgainstDummy('dummy password for accounts that do not exist'), false);
  });

  test('weaker stored parameters are due for a rehash', async () => {
    assert.equal(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA'), true);
    assert.equal(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA'), true);
  });
});
