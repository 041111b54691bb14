// The friendly 404, for unknown URLs and unpublished flights: in the visitor's language,
// with the other language beneath, since a lost visitor may not have chosen one yet.
import Link from 'next/link';
import { getRequestLocale } from '../components/i18n/request-locale';
import { htmlLangOf } from '../components/i18n/locale';
import { messagesFor } from '../components/i18n/messages';
import { SiteHeader } from '../components/site/SiteHeader';
import { MistyPillarsArt } from '../components/catalogue/MistyPillarsArt';
import styles from './not-found.module.css';

export default async function NotFound() {
  const locale = await getRequestLocale();
  const messages = messagesFor(locale);
  const otherLocale = locale === 'zh' ? 'en' : 'zh';
  const other = messagesFor(otherLocale);
  return (
    <>
      <SiteHeader locale={locale} messages={messages} />
      <main className={styles.main}>
        <MistyPillarsArt className={styles.art} />
        <div className={styles.panel}>
          <p className={styles.code}>404</p>
          <h1 className={styles.title}>{messages['notFound.title']}</h1>
          <p className={styles.body}>{messages['notFound.body']}</p>
          <p className={styles.other} lang={htmlLangOf(otherLocale)}>
            {other['notFound.title']} · {other['notFound.body']}
          </p>
          <Link href="/" className={styles.back} prefetch={false}>
            {messages['notFound.back']}
          </Link>
        </div>
      </main>
    </>
  );
}
