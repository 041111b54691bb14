// The locale of the current request, for server components.
import 'server-only';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, resolveLocale, type Locale } from './locale';

/** `queryLang` is the page's `?lang=` value; layouts and not-found pages have none and pass nothing. */
export async function getRequestLocale(queryLang?: string | string[]): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale({
    queryLang,
    cookieLang: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
}
