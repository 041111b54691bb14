// The catalogue's opening: the name, the place, and a way down to the flights.
import type { Messages } from '../i18n/messages';
import { YunshanName } from '../site/YunshanName';
import { MistyPillarsArt } from './MistyPillarsArt';
import styles from './CatalogueHero.module.css';

export function CatalogueHero({ messages }: { messages: Messages }) {
  return (
    <section className={styles.hero} aria-labelledby="hero-title">
      <MistyPillarsArt className={styles.art} />
      <div className={styles.content}>
        <p className={styles.eyebrow}>{messages['catalogue.eyebrow']}</p>
        <h1 id="hero-title" className={styles.title}>
          <YunshanName zhClassName={styles.titleZh} enClassName={styles.titleEn} />
        </h1>
        <p className={styles.subtitle}>{messages['catalogue.heroSubtitle']}</p>
        <p className={styles.lead}>{messages['catalogue.heroLead']}</p>
        <a className={styles.cta} href="#flights">
          {messages['catalogue.heroCta']}
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <path
              d="M10 4v11M5.5 10.5 10 15l4.5-4.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </a>
      </div>
    </section>
  );
}
