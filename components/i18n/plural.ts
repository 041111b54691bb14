// Messages that change with a count ("1 curated flight", "4 curated flights"): a message
// gives a form per plural category and Intl.PluralRules picks one for the locale and count.
// English has `one` and `other`; Chinese has no plural forms, so its messages give `other` only.
import type { Locale } from './locale';

/** One text per CLDR plural category the language uses; `other` is always there. */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };

const rulesByLocale = new Map<Locale, Intl.PluralRules>();

function pluralRules(locale: Locale): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale === 'zh' ? 'zh-CN' : 'en');
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/** The form for `count` in `locale`, still with its {placeholders}. */
export function pluralForm(locale: Locale, forms: PluralForms, count: number): string {
  return forms[pluralRules(locale).select(count)] ?? forms.other;
}
