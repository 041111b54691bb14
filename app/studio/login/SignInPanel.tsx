// The page around the studio's sign-in forms (signing in, creating the first admin): the
// site header and one calm panel with the studio's eyebrow and the page's title.
import type { ReactNode } from 'react';
import type { Locale } from '@/components/i18n/locale';
import type { Messages } from '@/components/i18n/messages';
import { SiteHeader } from '@/components/site/SiteHeader';
import styles from './login.module.css';

interface SignInPanelProps {
  locale: Locale;
  messages: Messages;
  /** The title's id, which names the panel. */
  titleId: string;
  title: string;
  children: ReactNode;
}

export function SignInPanel({ locale, messages, titleId, title, children }: SignInPanelProps) {
  return (
    <>
      <SiteHeader locale={locale} messages={messages} />
      <main className={styles.main}>
        <section className={styles.panel} aria-labelledby={titleId}>
          <p className={styles.eyebrow}>{messages['studioLogin.eyebrow']}</p>
          <h1 id={titleId} className={styles.title}>
            {title}
          </h1>
          {children}
        </section>
      </main>
    </>
  );
}
