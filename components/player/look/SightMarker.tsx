'use client';
// While the visitor looks away from where the route looks, the sight being narrated is marked
// where it really is: a ring and its name over it when it is in the picture, an arrow on the
// edge pointing the way back when it is not. It follows the camera the device drew
// (latestDrawnLook), per animation frame, by moving one element: no React render per frame.
// Looking where the route looks, nothing is marked, as before: the route already frames its sights.
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '@/components/i18n/locale';
import type { PointOfInterest } from '@/scenes/routes/route-schema';
import { activePointOfInterest } from '@/scenes/timeline/active-point-of-interest';
import { latestDrawnLook } from './look-test-handle';
import type { LookStore } from './look-store';
import { sightInPicture } from './sight-projection';
import styles from './SightMarker.module.css';

/** Looks within this of the route's own direction (radians, about 4°) mark nothing. */
const LOOKED_AWAY_RAD = 0.07;
/** An off-picture arrow keeps this far inside the edge (CSS pixels). */
const EDGE_INSET_PX = 36;

export interface SightMarkerProps {
  pointsOfInterest: readonly PointOfInterest[];
  locale: Locale;
  look: LookStore;
}

export function SightMarker({ pointsOfInterest, locale, look }: SightMarkerProps) {
  const markerRef = useRef<HTMLDivElement>(null);
  const [sight, setSight] = useState<PointOfInterest | null>(null);

  useEffect(() => {
    let frame = 0;
    let shown: PointOfInterest | null = null;
    const show = (next: PointOfInterest | null) => {
      if (next === shown) return;
      shown = next;
      setSight(next);
    };
    function tick() {
      frame = 0;
      const marker = markerRef.current;
      const area = marker?.parentElement;
      const drawn = latestDrawnLook();
      const offset = look.getLookOffset();
      const away = Math.hypot(offset.yawRad, offset.pitchRad) > LOOKED_AWAY_RAD;
      const poi = drawn && away ? activePointOfInterest(pointsOfInterest, drawn.timeS) : null;
      show(poi);
      if (!poi || !drawn || !marker || !area) {
        // Looking away, a sight's narration may begin at any moment; looking ahead, nothing is
        // marked until the look changes again (the store wakes this), so a resting page rests.
        if (away || look.isMoving()) frame = requestAnimationFrame(tick);
        return;
      }
      const width = area.clientWidth;
      const height = area.clientHeight;
      const place = sightInPicture(drawn, width / Math.max(1, height), poi.position);
      let x = place.x * width;
      let y = place.y * height;
      if (!place.onScreen) {
        // On the edge, in the sight's direction from the middle of the picture.
        const dx = Math.cos(place.directionRad);
        const dy = -Math.sin(place.directionRad);
        const reach = Math.min(
          (width / 2 - EDGE_INSET_PX) / Math.max(1e-6, Math.abs(dx)),
          (height / 2 - EDGE_INSET_PX) / Math.max(1e-6, Math.abs(dy)),
        );
        x = width / 2 + dx * reach;
        y = height / 2 + dy * reach;
      }
      marker.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)`;
      marker.dataset.onScreen = String(place.onScreen);
      marker.style.setProperty('--toward', `${(-place.directionRad).toFixed(3)}rad`);
      // The name leans inwards near an edge, so it stays on the picture.
      marker.style.setProperty('--lean', (Math.min(1, Math.max(0, x / Math.max(1, width))) * 100).toFixed(1) + '%');
      frame = requestAnimationFrame(tick);
    }
    const wake = () => {
      if (frame === 0) frame = requestAnimationFrame(tick);
    };
    wake();
    const stop = look.subscribe(wake);
    return () => {
      stop();
      cancelAnimationFrame(frame);
    };
  }, [look, pointsOfInterest]);

  return (
    <div ref={markerRef} className={styles.marker} data-shown={sight !== null} data-testid="sight-marker" aria-hidden="true">
      <span className={styles.ring} />
      <span className={styles.arrow} />
      <span className={styles.name}>{sight?.title[locale]}</span>
    </div>
  );
}
