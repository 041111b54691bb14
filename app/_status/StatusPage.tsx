// The page behind the 404 and the 403: the status code, a title and a line in the visitor's
// language with the other language beneath (a lost visitor may not have chosen one yet),
// and one way back.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getRequestLocale } from '@/components/i18n/request-locale';
import { htmlLangOf } from '@/components/i18n/locale';
import { messagesFor } from '@/components/i18n/messages';
import { SiteHeader } from '@/components/site/SiteHeader';
import styles from '@/app/not-found.module.css';

interface StatusPageProps {
  code: 403 | 404;
  /** The messages' prefix: its .title, .body and .back are shown. */
  messagesOf: 'forbidden' | 'notFound';
  backHref: string;
  /** Drawn behind the panel. */
  art?: ReactNode;
  testId?: string;
}

export async function StatusPage({ code, messagesOf, backHref, art, testId }: StatusPageProps) {
  const locale = await getRequestLocale();
  const messages = messagesFor(locale);
  const otherLocale = locale === 'zh' ? 'en' : 'zh';
  const other = messagesFor(otherLocale);
  return (
    <>
      <SiteHeader locale={locale} messages={messages} />
      <main className={styles.main} data-testid={testId}>
        {art}
        <div className={styles.panel}>
          <p className={styles.code}>{code}</p>
          <h1 className={styles.title}>{messages[`${messagesOf}.title`]}</h1>
          <p className={styles.body}>{messages[`${messagesOf}.body`]}</p>
          <p className={styles.other} lang={htmlLangOf(otherLocale)}>
            {other[`${messagesOf}.title`]} · {other[`${messagesOf}.body`]}
          </p>
          <Link href={backHref} className={styles.back} prefetch={false}>
            {messages[`${messagesOf}.back`]}
          </Link>
        </div>
      </main>
    </>
  );
}
