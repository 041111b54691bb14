// The catalogue's opening: the name, the place, and a way down to the flights.
import type { Messages } from '../i18n/messages';
import { YunshanName } from '../site/YunshanName';
import { MistyPillarsArt } from './MistyPillarsArt';
import { ArrowIcon } from './ArrowIcon';
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
          <ArrowIcon direction="down" />
        </a>
      </div>
    </section>
  );
}
