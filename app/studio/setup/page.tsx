// /studio/setup?token=…: creates the first admin from the one-time link printed at start.
// Without a live link every visitor sees the same page, so it does not tell a stranger
// whether an admin exists; only the link's holder learns that one does.
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { getRequestLocale } from '@/components/i18n/request-locale';
import { messagesFor } from '@/components/i18n/messages';
import { SiteHeader } from '@/components/site/SiteHeader';
import { webServices } from '@/app/_server/web-services';
import { SetupForm } from './SetupForm';
import styles from '../login/login.module.css';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const messages = messagesFor(await getRequestLocale((await searchParams).lang));
  return { title: messages['studioSetup.metaTitle'], robots: { index: false, follow: false } };
}

export default async function StudioSetupPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const query = await searchParams;
  const locale = await getRequestLocale(query.lang);
  const messages = messagesFor(locale);
  const token = typeof query.token === 'string' ? query.token : '';
  const services = (await webServices()).staff;
  const tokenLive = await services.setupTokens.isLive(token);
  const adminExists = tokenLive && (await services.members.countAdmins()) > 0;
  const live = tokenLive && !adminExists;
  return (
    <>
      <SiteHeader locale={locale} messages={messages} />
      <main className={styles.main}>
        <section className={styles.panel} aria-labelledby="studio-setup-title">
          <p className={styles.eyebrow}>{messages['studioLogin.eyebrow']}</p>
          <h1 id="studio-setup-title" className={styles.title}>
            {messages['studioSetup.title']}
          </h1>
          {live ? (
            <>
              <p className={styles.intro}>{messages['studioSetup.intro']}</p>
              <SetupForm
                token={token}
                texts={{
                  email: messages['studioLogin.email'],
                  password: messages['studioSetup.password'],
                  repeat: messages['studioSetup.repeat'],
                  submit: messages['studioSetup.submit'],
                  submitting: messages['studioSetup.submitting'],
                  mismatch: messages['studioSetup.mismatch'],
                  expired: messages['studioSetup.expired'],
                  adminExists: messages['studioSetup.adminExists'],
                  failed: messages['studioSetup.failed'],
                }}
              />
            </>
          ) : (
            <p className={styles.intro} role="status">
              {adminExists ? messages['studioSetup.adminExists'] : messages['studioSetup.expired']}
            </p>
          )}
          <Link href={live ? '/' : '/studio/login'} className={styles.back} prefetch={false}>
            {live ? messages['studioLogin.back'] : messages['studioLogin.submit']}
          </Link>
        </section>
      </main>
    </>
  );
}
