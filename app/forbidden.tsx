// The 403, shown when a signed-in curator opens an admin-only studio page (the only
// caller of forbidden()): in their language, with the other beneath, like the 404.
import Link from 'next/link';
import { getRequestLocale } from '../components/i18n/request-locale';
import { htmlLangOf } from '../components/i18n/locale';
import { messagesFor } from '../components/i18n/messages';
import { SiteHeader } from '../components/site/SiteHeader';
import styles from './not-found.module.css';

export default async function StudioForbidden() {
  const locale = await getRequestLocale();
  const messages = messagesFor(locale);
  const otherLocale = locale === 'zh' ? 'en' : 'zh';
  const other = messagesFor(otherLocale);
  return (
    <>
      <SiteHeader locale={locale} messages={messages} />
      <main className={styles.main} data-testid="studio-forbidden">
        <div className={styles.panel}>
          <p className={styles.code}>403</p>
          <h1 className={styles.title}>{messages['forbidden.title']}</h1>
          <p className={styles.body}>{messages['forbidden.body']}</p>
          <p className={styles.other} lang={htmlLangOf(otherLocale)}>
            {other['forbidden.title']} · {other['forbidden.body']}
          </p>
          <Link href="/studio" className={styles.back} prefetch={false}>
            {messages['forbidden.back']}
          </Link>
        </div>
      </main>
    </>
  );
}
