// A client component gets only the messages it names (issue 15, item 6: the tour's HTML carried the whole dictionary).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DICTIONARIES, type MessageKey, type Messages } from '@/components/i18n/messages';
import { pickMessages } from '@/components/i18n/pick-messages';
import { LOCALES } from '@/components/i18n/locale';
import { PLAYER_MESSAGE_KEYS } from '@/components/player/player-messages';

describe('pickMessages', () => {
  test('keeps exactly the named keys, with the dictionary’s text, in both languages', () => {
    for (const locale of LOCALES) {
      const picked = pickMessages(DICTIONARIES[locale], ['player.play', 'cloud.connecting']);
      assert.deepEqual(picked, {
        'player.play': DICTIONARIES[locale]['player.play'],
        'cloud.connecting': DICTIONARIES[locale]['cloud.connecting'],
      });
    }
  });

  test('an empty list picks nothing', () => {
    assert.deepEqual(pickMessages(DICTIONARIES.en, []), {});
  });

  test('a key the dictionary lacks is a clear error, not an undefined string', () => {
    const partial = { 'player.play': 'Play' } as unknown as Messages;
    assert.throws(() => pickMessages(partial, ['player.play', 'player.pause']), /no message "player\.pause"/);
    // Nor does an inherited property count as a message.
    assert.throws(() => pickMessages(DICTIONARIES.en, ['toString' as MessageKey]), /no message "toString"/);
  });
});

describe("the player's messages", () => {
  test('name each key once, and every one is in both dictionaries', () => {
    assert.equal(new Set(PLAYER_MESSAGE_KEYS).size, PLAYER_MESSAGE_KEYS.length);
    for (const locale of LOCALES)
      assert.equal(Object.keys(pickMessages(DICTIONARIES[locale], PLAYER_MESSAGE_KEYS)).length, PLAYER_MESSAGE_KEYS.length);
  });

  test('leave out the catalogue, studio and sign-in strings', () => {
    const prefixes = new Set(PLAYER_MESSAGE_KEYS.map((key) => key.split('.')[0]));
    for (const elsewhere of ['catalogue', 'studio', 'studioLogin', 'studioSetup', 'look360', 'meta']) {
      assert.ok(!prefixes.has(elsewhere), `the player's messages include ${elsewhere}.*`);
    }
    assert.ok(PLAYER_MESSAGE_KEYS.length < Object.keys(DICTIONARIES.en).length / 2);
  });
});
