// /studio/login: the staff sign-in page, in the visitor's language. Already signed-in
// staff go straight on to the studio.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requestMessages, type PageSearchParams } from '@/components/i18n/request-locale';
import { currentStaffSessionForPage } from '@/app/_server/staff-page-guard';
import { studioPageMetadata } from '../studio-page-metadata';
import { LoginForm } from './LoginForm';
import { SignInPanel } from './SignInPanel';
import styles from './login.module.css';

export const dynamic = 'force-dynamic';

export const generateMetadata = studioPageMetadata((m) => m['studioLogin.metaTitle'], { index: false, follow: false });

export default async function StudioLoginPage({ searchParams }: { searchParams: PageSearchParams }) {
  if ((await currentStaffSessionForPage()) !== null) redirect('/studio');
  const { locale, messages } = await requestMessages(searchParams);
  return (
    <SignInPanel locale={locale} messages={messages} titleId="studio-login-title" title={messages['studioLogin.title']}>
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
    </SignInPanel>
  );
}
