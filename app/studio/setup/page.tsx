// /studio/setup?token=…: creates the first admin from the one-time link printed at start.
// Without a live link every visitor sees the same page, so it does not tell a stranger
// whether an admin exists; only the link's holder learns that one does.
import Link from 'next/link';
import { connection } from 'next/server';
import { getRequestLocale, type PageSearchParams } from '@/components/i18n/request-locale';
import { messagesFor } from '@/components/i18n/messages';
import { webServices } from '@/app/_server/web-services';
import { studioPageMetadata } from '../studio-page-metadata';
import { SetupForm } from './SetupForm';
import { SignInPanel } from '../login/SignInPanel';
import styles from '../login/login.module.css';

export const dynamic = 'force-dynamic';

export const generateMetadata = studioPageMetadata((m) => m['studioSetup.metaTitle'], { index: false, follow: false });

export default async function StudioSetupPage({ searchParams }: { searchParams: PageSearchParams }) {
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
    <SignInPanel locale={locale} messages={messages} titleId="studio-setup-title" title={messages['studioSetup.title']}>
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
    </SignInPanel>
  );
}
