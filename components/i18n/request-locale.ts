// The locale of the current request, for server components.
import 'server-only';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, resolveLocale, type Locale } from './locale';
import { messagesFor, type Messages } from './messages';

/** `queryLang` is the page's `?lang=` value; layouts and not-found pages have none and pass nothing. */
export async function getRequestLocale(queryLang?: string | string[]): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale({
    queryLang,
    cookieLang: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
}

/** A page's search parameters, as Next hands them to it. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The request's locale (a page's `?lang=` first) and its messages. */
export async function requestMessages(searchParams?: PageSearchParams): Promise<{ locale: Locale; messages: Messages }> {
  const locale = await getRequestLocale(searchParams === undefined ? undefined : (await searchParams).lang);
  return { locale, messages: messagesFor(locale) };
}
