// Looks up interface text for a locale and fills in {placeholders}.
import { en, enCounted, type CountedMessageKey, type CountedMessages, type MessageKey, type Messages } from './messages-en';
import { zh, zhCounted } from './messages-zh';
import type { Locale } from './locale';
import { pluralForm, type PluralForms } from './plural';

export type { CountedMessageKey, CountedMessages, MessageKey, Messages, PluralForms };

export const DICTIONARIES: Record<Locale, Messages> = { zh, en };
export const COUNTED_DICTIONARIES: Record<Locale, CountedMessages> = { zh: zhCounted, en: enCounted };

export function messagesFor(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

/** Replaces each {name} in `template` with params[name]; unknown placeholders stay visible so a typo shows. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A counted message ("1 curated flight", "4 curated flights") in the form `locale` uses for `count`, filled in ({count} too). */
export function formatCount(locale: Locale, key: CountedMessageKey, count: number, params: Record<string, string | number> = {}): string {
  return formatMessage(pluralForm(locale, COUNTED_DICTIONARIES[locale][key], count), { count, ...params });
}

/** Placeholder names used in a template, for checking that translations agree. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();
}
