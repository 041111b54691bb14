// The studio's top bar: the mark, where you are, who is signed in, language and sign-out.
import Link from 'next/link';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import type { Locale } from '../i18n/locale';
import type { Messages } from '../i18n/messages';
import { YunshanMark } from '../site/YunshanMark';
import { SignOutButton } from './SignOutButton';
import styles from './StudioList.module.css';

export function StudioHeader({
  locale,
  messages: m,
  email,
  isAdmin,
}: {
  locale: Locale;
  messages: Messages;
  email: string;
  isAdmin: boolean;
}) {
  return (
    <header className={styles.header}>
      <Link href="/studio" className={styles.brand} prefetch={false}>
        <YunshanMark sizePx={28} />
        <span>{m['studio.name']}</span>
      </Link>
      <nav className={styles.nav}>
        <Link href="/studio" prefetch={false}>
          {m['studio.nav.routes']}
        </Link>
        {isAdmin && (
          <Link href="/studio/audit" prefetch={false}>
            {m['studio.nav.audit']}
          </Link>
        )}
        <Link href="/" prefetch={false}>
          {m['studio.nav.catalogue']}
        </Link>
      </nav>
      <div className={styles.account}>
        <span className={styles.email}>{email}</span>
        <LanguageSwitch locale={locale} label={m['lang.switchLabel']} />
        <SignOutButton label={m['studio.signOut']} className={styles.ghostButton} />
      </div>
    </header>
  );
}
