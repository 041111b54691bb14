// The zh and en dictionaries must say the same things: same keys, same placeholders, no blanks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../components/i18n/messages-en';
import { zh } from '../../components/i18n/messages-zh';
import { DICTIONARIES, formatMessage, placeholdersOf } from '../../components/i18n/messages';
import { LOCALES } from '../../components/i18n/locale';
import { TimeOfDaySchema } from '../../scenes/routes/route-schema';

describe('message dictionaries', () => {
  test('zh and en have exactly the same keys', () => {
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });

  test('there is one dictionary per supported locale', () => {
    assert.deepEqual(Object.keys(DICTIONARIES).sort(), [...LOCALES].sort());
  });

  test('every message is non-empty in both languages', () => {
    for (const [locale, messages] of Object.entries(DICTIONARIES)) {
      for (const [key, text] of Object.entries(messages)) {
        assert.ok(text.trim().length > 0, `${locale} ${key} is blank`);
      }
    }
  });

  test('translations use the same placeholders', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      assert.deepEqual(placeholdersOf(zh[key]), placeholdersOf(en[key]), `placeholders differ for ${key}`);
    }
  });

  test('the Chinese dictionary is actually Chinese where it should be', () => {
    // Brand names and the switch's own labels may stay in Latin script; sentences must not.
    for (const key of ['catalogue.heroLead', 'player.play', 'notFound.title'] as const) {
      assert.match(zh[key], /[\u4e00-\u9fff]/, `${key} has no Chinese characters`);
    }
  });

  test('every time of day a route may have has a label', () => {
    for (const timeOfDay of TimeOfDaySchema.options) {
      const key = `timeOfDay.${timeOfDay}` as const;
      assert.ok(key in en, `missing ${key}`);
    }
  });
});

describe('formatMessage', () => {
  test('fills named placeholders', () => {
    assert.equal(formatMessage('{current} of {total}', { current: '0:05', total: '2:00' }), '0:05 of 2:00');
    assert.equal(formatMessage(zh['catalogue.routesCount'], { count: 4 }), '精选航线 4 条');
  });

  test('leaves unknown placeholders visible rather than blank', () => {
    assert.equal(formatMessage('{speed}× speed', {}), '{speed}× speed');
  });
});
