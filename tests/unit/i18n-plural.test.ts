// Plural forms are chosen by Intl.PluralRules for the locale: English one/other, Chinese other only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pluralForm } from '@/components/i18n/plural';

const FLIGHTS = { one: '{count} flight', other: '{count} flights' };

test('English picks one for exactly 1 and other for everything else', () => {
  assert.equal(pluralForm('en', FLIGHTS, 1), '{count} flight');
  for (const count of [0, 2, 5, 21, 101, 1.5]) assert.equal(pluralForm('en', FLIGHTS, count), '{count} flights', String(count));
});

test('Chinese has no plural categories but other, so every count takes the other form', () => {
  for (const count of [0, 1, 2, 21]) assert.equal(pluralForm('zh', FLIGHTS, count), '{count} flights', String(count));
});

test('a form the messages do not give falls back to other', () => {
  assert.equal(pluralForm('en', { other: '{count} 条' }, 1), '{count} 条');
});
