// Which language a visitor sees: `?lang=` wins, then the `lang` cookie, then Accept-Language.
// Pure functions, shared by server components and the client language switch.

export type Locale = 'zh' | 'en';

export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'lang';
export const LOCALE_QUERY_PARAM = 'lang';
/** A year: a language choice should outlive the visit. */
export const LOCALE_COOKIE_MAX_AGE_S = 60 * 60 * 24 * 365;

export function parseLocale(value: unknown): Locale | null {
  const single = Array.isArray(value) ? value[0] : value;
  return typeof single === 'string' && (LOCALES as readonly string[]).includes(single) ? (single as Locale) : null;
}

/** The visitor's most preferred language by q-value; every zh* tag means Chinese, anything else English. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  let best: { tag: string; q: number } | null = null;
  for (const part of header.split(',')) {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag.trim().toLowerCase();
    if (!tag) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    // Ties keep the earlier tag: the header lists preferences in order.
    if (best === null || q > best.q) best = { tag, q };
  }
  return best !== null && (best.tag === 'zh' || best.tag.startsWith('zh-')) ? 'zh' : DEFAULT_LOCALE;
}

export interface LocaleSources {
  queryLang?: unknown;
  cookieLang?: unknown;
  acceptLanguage?: string | null;
}

export function resolveLocale({ queryLang, cookieLang, acceptLanguage }: LocaleSources): Locale {
  return parseLocale(queryLang) ?? parseLocale(cookieLang) ?? localeFromAcceptLanguage(acceptLanguage);
}

/** The BCP 47 tag for `<html lang>`: Chinese here is Simplified, as spoken on the mainland. */
export function htmlLangOf(locale: Locale): 'zh-CN' | 'en' {
  return locale === 'zh' ? 'zh-CN' : 'en';
}
