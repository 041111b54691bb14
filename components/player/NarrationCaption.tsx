// The caption for the sight in view: title and narration in the visitor's language, in a
// polite live region so screen readers announce each new sight without interrupting.
import type { PointOfInterest } from '../../scenes/routes/route-schema';
import type { Locale } from '../i18n/locale';
import styles from './NarrationCaption.module.css';

export interface NarrationCaptionProps {
  pointOfInterest: PointOfInterest | null;
  locale: Locale;
  regionLabel: string;
  /** Controls are hidden: the caption may sit lower. */
  lowered: boolean;
}

export function NarrationCaption({ pointOfInterest, locale, regionLabel, lowered }: NarrationCaptionProps) {
  return (
    // The region exists before any caption does: live regions only announce changes they contain.
    <div className={styles.region} data-lowered={lowered} aria-live="polite" aria-atomic="true" aria-label={regionLabel} role="region">
      {pointOfInterest && (
        <div key={pointOfInterest.id} className={styles.caption} data-testid="caption" data-poi-id={pointOfInterest.id}>
          <p className={styles.title}>{pointOfInterest.title[locale]}</p>
          <p className={styles.narration}>{pointOfInterest.narration[locale]}</p>
        </div>
      )}
    </div>
  );
}
