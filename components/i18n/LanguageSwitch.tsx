'use client';
// The 中文 / English toggle: stores the choice in the `lang` cookie and re-renders the
// page on the server in the new language. It also keeps <html lang> in step with the page.
import { useEffect, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { htmlLangOf, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, LOCALE_QUERY_PARAM, parseLocale, type Locale } from './locale';
import styles from './LanguageSwitch.module.css';

export interface LanguageSwitchProps {
  locale: Locale;
  /** Accessible name, already translated: says what pressing it does. */
  label: string;
  className?: string;
}

function rememberLocale(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE_S}; samesite=lax`;
}

export function LanguageSwitch({ locale, label, className }: LanguageSwitchProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    // The root layout cannot see `?lang=`, so it may have rendered the cookie's language.
    document.documentElement.lang = htmlLangOf(locale);
    // An explicit `?lang=` link is a choice too: keep it for the next pages of the visit.
    const queryLocale = parseLocale(new URL(window.location.href).searchParams.get(LOCALE_QUERY_PARAM));
    if (queryLocale === locale) rememberLocale(locale);
  }, [locale]);

  function switchLanguage() {
    const next: Locale = locale === 'zh' ? 'en' : 'zh';
    rememberLocale(next);
    const url = new URL(window.location.href);
    if (url.searchParams.has(LOCALE_QUERY_PARAM)) {
      // The query would outrank the new cookie: navigate to the same page without it.
      url.searchParams.delete(LOCALE_QUERY_PARAM);
      startTransition(() => router.replace(`${url.pathname}${url.search}${url.hash}`, { scroll: false }));
    } else {
      startTransition(() => router.refresh());
    }
  }

  return (
    <button
      type="button"
      className={[styles.switch, className].filter(Boolean).join(' ')}
      onClick={switchLanguage}
      aria-label={label}
      aria-busy={pending || undefined}
      data-testid="lang-switch"
      data-locale={locale}
    >
      <span lang="zh-CN" className={locale === 'zh' ? styles.current : styles.other}>
        中文
      </span>
      <span aria-hidden="true" className={styles.divider}>
        /
      </span>
      <span lang="en" className={locale === 'en' ? styles.current : styles.other}>
        English
      </span>
    </button>
  );
}
