// Looks up interface text for a locale and fills in {placeholders}.
import { en, type MessageKey, type Messages } from './messages-en';
import { zh } from './messages-zh';
import type { Locale } from './locale';

export type { MessageKey, Messages };

export const DICTIONARIES: Record<Locale, Messages> = { zh, en };

export function messagesFor(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

/** Replaces each {name} in `template` with params[name]; unknown placeholders stay visible so a typo shows. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Placeholder names used in a template, for checking that translations agree. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();
}
