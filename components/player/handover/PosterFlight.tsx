'use client';
// The last resort: a device that cannot draw the landscape, with the cloud out of reach,
// still gets the flight — the route's poster drifting slowly on the flight clock while
// the player's captions carry the narration. Never a black screen or an endless spinner.
// Under Auto the same poster holds the stage before play, without the card (stage-layers).
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import { selectFlightTime } from '@/scenes/timeline/flight-time-selection';
import type { PlayerMessages } from '@/components/player/player-messages';
import { browserNowMs, requestBrowserFrame } from '../use-flight-time-display';
import { useLatestRef } from '../use-latest-ref';
import { posterDriftTransform } from './poster-drift';
import styles from './PosterFlight.module.css';

export interface PosterFlightProps {
  routeId: string;
  clock: FlightClock;
  messages: PlayerMessages;
  /** The card says the flight is pictures because nothing else can show it; not on the poster held before play. */
  explained: boolean;
  /**
   * Shown without a fade: the poster held before play takes over from the page's own copy of the
   * same picture in the same place, and a fade of one picture into itself only costs the phone
   * half a second of full-screen compositing while the page hydrates (issue 15).
   */
  appearsAtOnce: boolean;
  /** The render server keeps a poster from every bake; null without a cloud. */
  renderUrl: string | null;
  /** Offered when a cloud exists: the stream may be back. */
  onRetryCloud: (() => void) | null;
  onReady: () => void;
}

export function PosterFlight({ routeId, clock, messages, explained, appearsAtOnce, renderUrl, onRetryCloud, onReady }: PosterFlightProps) {
  // The site's own poster first, then the render server's, then the dawn gradient alone.
  const sources = [
    `/posters/${encodeURIComponent(routeId)}.jpg`,
    ...(renderUrl === null ? [] : [`${renderUrl}/posters/${encodeURIComponent(routeId)}.jpg`]),
  ];
  const [sourceIndex, setSourceIndex] = useState(0);
  const [shown, setShown] = useState(false);
  const imageRef = useRef<HTMLImageElement>(null);
  const readyRef = useRef(false);
  const onReadyRef = useLatestRef(onReady);

  const markReady = () => {
    if (readyRef.current) return;
    readyRef.current = true;
    onReadyRef.current();
  };

  // The drift follows the flight clock, so pause, seek and speed move it as they move the
  // flight. Frames are drawn only while the clock plays; a paused poster moves on its events.
  const drift = useMemo(
    () => selectFlightTime(clock, (timeS) => posterDriftTransform(timeS / clock.durationS), requestBrowserFrame, browserNowMs),
    [clock],
  );
  useEffect(() => {
    const apply = () => {
      if (imageRef.current) imageRef.current.style.transform = drift.getSnapshot();
    };
    apply();
    return drift.subscribe(apply);
    // A new picture (the next source) is a new element: it takes the drift at once.
  }, [drift, sourceIndex]);

  const exhausted = sourceIndex >= sources.length;
  useEffect(() => {
    // With no picture left to try, the gradient and the narration are what there is.
    if (exhausted) markReady();
  });

  function keepInside(event: MouseEvent) {
    // The stage plays or pauses on a click; a click on the card is for the card.
    event.stopPropagation();
  }

  return (
    <div className={styles.view} data-ready={shown || exhausted} data-testid="poster-flight">
      {!exhausted && (
        <img
          ref={imageRef}
          key={sources[sourceIndex]}
          className={styles.image}
          data-shown={shown}
          data-appear={appearsAtOnce ? 'at-once' : 'fade'}
          src={sources[sourceIndex]}
          alt={messages['render.postersLabel']}
          onLoad={() => {
            setShown(true);
            markReady();
          }}
          onError={() => setSourceIndex((index) => index + 1)}
        />
      )}
      {explained && (
        <section className={styles.card} onClick={keepInside} aria-labelledby="poster-flight-title">
          <h2 id="poster-flight-title" className={styles.cardTitle}>
            {messages['render.postersTitle']}
          </h2>
          <p className={styles.cardBody}>{messages['render.postersBody']}</p>
          {onRetryCloud !== null && (
            <button type="button" className={styles.retry} onClick={onRetryCloud} data-testid="poster-retry-cloud">
              {messages['render.postersRetryCloud']}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
