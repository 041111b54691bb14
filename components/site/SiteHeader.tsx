// The bar over the top of visitor pages: the mark, the name, and the language switch.
import Link from 'next/link';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import type { Locale } from '../i18n/locale';
import type { Messages } from '../i18n/messages';
import { YunshanMark } from './YunshanMark';
import { YunshanName } from './YunshanName';
import styles from './SiteHeader.module.css';

export function SiteHeader({ locale, messages }: { locale: Locale; messages: Messages }) {
  return (
    <header className={styles.header}>
      <Link href="/" className={styles.brand} prefetch={false}>
        <YunshanMark sizePx={30} />
        <YunshanName zhClassName={styles.brandZh} enClassName={styles.brandEn} />
      </Link>
      <LanguageSwitch locale={locale} label={messages['lang.switchLabel']} />
    </header>
  );
}
