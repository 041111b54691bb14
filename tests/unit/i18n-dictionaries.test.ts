// The zh and en dictionaries must say the same things: same keys, same placeholders, no blanks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '@/components/i18n/messages-en';
import { zh } from '@/components/i18n/messages-zh';
import { COUNTED_DICTIONARIES, DICTIONARIES, formatCount, formatMessage, placeholdersOf } from '@/components/i18n/messages';
import { LOCALES } from '@/components/i18n/locale';
import { TimeOfDaySchema } from '@/scenes/routes/route-schema';

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

describe('counted messages', () => {
  test('zh and en have the same counted keys, each with an other form, no blanks', () => {
    assert.deepEqual(Object.keys(COUNTED_DICTIONARIES.zh).sort(), Object.keys(COUNTED_DICTIONARIES.en).sort());
    for (const [locale, messages] of Object.entries(COUNTED_DICTIONARIES)) {
      for (const [key, forms] of Object.entries(messages)) {
        assert.ok(forms.other.trim().length > 0, `${locale} ${key} has no other form`);
        for (const text of Object.values(forms)) assert.ok(text.trim().length > 0, `${locale} ${key} has a blank form`);
      }
    }
  });

  test('every form uses only the placeholders of the other form, which has them all in both languages', () => {
    for (const key of Object.keys(COUNTED_DICTIONARIES.en) as Array<keyof typeof COUNTED_DICTIONARIES.en>) {
      const { en: english, zh: chinese } = { en: COUNTED_DICTIONARIES.en[key], zh: COUNTED_DICTIONARIES.zh[key] };
      assert.deepEqual(placeholdersOf(chinese.other), placeholdersOf(english.other), `placeholders differ for ${key}`);
      for (const forms of [english, chinese]) {
        for (const text of Object.values(forms)) {
          for (const name of placeholdersOf(text))
            assert.ok(placeholdersOf(forms.other).includes(name), `${key}: {${name}} is only in one form`);
        }
      }
    }
  });

  test('English says one flight and several flights; Chinese has one form for every count', () => {
    assert.equal(formatCount('en', 'catalogue.routesCount', 1), '1 curated flight');
    assert.equal(formatCount('en', 'catalogue.routesCount', 4), '4 curated flights');
    assert.equal(formatCount('en', 'catalogue.routesCount', 0), '0 curated flights');
    assert.equal(formatCount('en', 'studio.publish.blockedErrors', 1), 'Fix the problem in the checks before publishing.');
    assert.equal(formatCount('en', 'studio.publish.blockedErrors', 3), 'Fix the 3 problems in the checks before publishing.');
    assert.equal(formatCount('zh', 'catalogue.routesCount', 1), '精选航线 1 条');
    assert.equal(formatCount('zh', 'catalogue.routesCount', 4), '精选航线 4 条');
    assert.equal(formatCount('zh', 'studio.publish.blockedErrors', 1), '请先修正检查结果中的 1 个问题再发布。');
  });
});

describe('formatMessage', () => {
  test('fills named placeholders', () => {
    assert.equal(formatMessage('{current} of {total}', { current: '0:05', total: '2:00' }), '0:05 of 2:00');
  });

  test('leaves unknown placeholders visible rather than blank', () => {
    assert.equal(formatMessage('{speed}× speed', {}), '{speed}× speed');
  });
});
