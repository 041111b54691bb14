// Locale choice: ?lang= beats the cookie, the cookie beats Accept-Language, zh* means Chinese.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlLangOf, localeFromAcceptLanguage, parseLocale, resolveLocale } from '@/components/i18n/locale';

describe('parseLocale', () => {
  test('accepts only the supported codes', () => {
    assert.equal(parseLocale('zh'), 'zh');
    assert.equal(parseLocale('en'), 'en');
    assert.equal(parseLocale('fr'), null);
    assert.equal(parseLocale('ZH'), null);
    assert.equal(parseLocale(undefined), null);
    assert.equal(parseLocale(7), null);
  });

  test('takes the first of a repeated query parameter', () => {
    assert.equal(parseLocale(['en', 'zh']), 'en');
  });
});

describe('localeFromAcceptLanguage', () => {
  test('any zh variant means Chinese', () => {
    assert.equal(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8'), 'zh');
    assert.equal(localeFromAcceptLanguage('zh-Hant-TW'), 'zh');
    assert.equal(localeFromAcceptLanguage('zh'), 'zh');
  });

  test('everything else, and nothing at all, means English', () => {
    assert.equal(localeFromAcceptLanguage('en-US,en;q=0.9'), 'en');
    assert.equal(localeFromAcceptLanguage('fr-FR,fr;q=0.9'), 'en');
    assert.equal(localeFromAcceptLanguage(''), 'en');
    assert.equal(localeFromAcceptLanguage(null), 'en');
    assert.equal(localeFromAcceptLanguage('*'), 'en');
    // "zhx" is not a zh tag.
    assert.equal(localeFromAcceptLanguage('zhx'), 'en');
  });

  test('follows q-values, not just the order written', () => {
    assert.equal(localeFromAcceptLanguage('en;q=0.4, zh-CN;q=0.9'), 'zh');
    assert.equal(localeFromAcceptLanguage('zh-CN;q=0.3, en-GB'), 'en');
    assert.equal(localeFromAcceptLanguage('zh;q=0, en;q=0.1'), 'en');
  });
});

describe('resolveLocale', () => {
  test('the query wins over cookie and header', () => {
    assert.equal(resolveLocale({ queryLang: 'en', cookieLang: 'zh', acceptLanguage: 'zh-CN' }), 'en');
  });

  test('the cookie wins over the header', () => {
    assert.equal(resolveLocale({ cookieLang: 'zh', acceptLanguage: 'en-US' }), 'zh');
  });

  test('invalid query and cookie values fall through', () => {
    assert.equal(resolveLocale({ queryLang: 'de', cookieLang: 'xx', acceptLanguage: 'zh-TW' }), 'zh');
  });
});

test('html lang tags', () => {
  assert.equal(htmlLangOf('zh'), 'zh-CN');
  assert.equal(htmlLangOf('en'), 'en');
});
