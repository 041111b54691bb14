// The caption for the sight in view: title and narration in the visitor's language, in a
// polite live region so screen readers announce each new sight without interrupting.
// It follows the flight clock itself (useFlightTimeDisplay): it re-renders when the sight
// in view changes, not as time passes, and the player around it not at all.
import { useCallback } from 'react';
import type { PointOfInterest } from '@/scenes/routes/route-schema';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import { activePointOfInterest } from '@/scenes/timeline/active-point-of-interest';
import type { Locale } from '../i18n/locale';
import { useFlightTimeDisplay } from './use-flight-time-display';
import styles from './NarrationCaption.module.css';

export interface NarrationCaptionProps {
  clock: FlightClock;
  pointsOfInterest: readonly PointOfInterest[];
  locale: Locale;
  regionLabel: string;
  /** Controls are hidden: the caption may sit lower. */
  lowered: boolean;
}

export function NarrationCaption({ clock, pointsOfInterest, locale, regionLabel, lowered }: NarrationCaptionProps) {
  const inView = useCallback((timeS: number) => activePointOfInterest(pointsOfInterest, timeS), [pointsOfInterest]);
  const pointOfInterest = useFlightTimeDisplay(clock, inView);
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
