// /studio/login: the staff sign-in page, in the visitor's language. Already signed-in
// staff go straight on to the studio.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getRequestLocale } from '@/components/i18n/request-locale';
import { messagesFor } from '@/components/i18n/messages';
import { SiteHeader } from '@/components/site/SiteHeader';
import { currentStaffSessionForPage } from '@/app/_server/staff-page-guard';
import { LoginForm } from './LoginForm';
import styles from './login.module.css';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const messages = messagesFor(await getRequestLocale((await searchParams).lang));
  return { title: messages['studioLogin.metaTitle'], robots: { index: false, follow: false } };
}

export default async function StudioLoginPage({ searchParams }: { searchParams: SearchParams }) {
  if ((await currentStaffSessionForPage()) !== null) redirect('/studio');
  const locale = await getRequestLocale((await searchParams).lang);
  const messages = messagesFor(locale);
  return (
    <>
      <SiteHeader locale={locale} messages={messages} />
      <main className={styles.main}>
        <section className={styles.panel} aria-labelledby="studio-login-title">
          <p className={styles.eyebrow}>{messages['studioLogin.eyebrow']}</p>
          <h1 id="studio-login-title" className={styles.title}>
            {messages['studioLogin.title']}
          </h1>
          <p className={styles.intro}>{messages['studioLogin.intro']}</p>
          <LoginForm
            texts={{
              email: messages['studioLogin.email'],
              password: messages['studioLogin.password'],
              submit: messages['studioLogin.submit'],
              submitting: messages['studioLogin.submitting'],
              invalid: messages['studioLogin.invalid'],
              throttled: messages['studioLogin.throttled'],
              failed: messages['studioLogin.failed'],
            }}
          />
          <p className={styles.note}>{messages['studioLogin.noAccount']}</p>
          <Link href="/" className={styles.back} prefetch={false}>
            {messages['studioLogin.back']}
          </Link>
        </section>
      </main>
    </>
  );
}
