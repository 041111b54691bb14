'use client';
// The live 3D preview beside the map: the real FlightCanvas at the phone tier, its clock a
// scrub slider (and a play button), so curators see the route as a visitor will, and can drag
// it to look around as a visitor can (PreviewLook).
import dynamic from 'next/dynamic';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { Route } from '@/scenes/routes/route-schema';
import { formatClockTime } from '@/scenes/timeline/clock-time-format';
import type { Messages } from '../i18n/messages';
import { CanvasErrorBoundary } from '../player/CanvasErrorBoundary';
import { PreviewLook } from './PreviewLook';
import controls from './studio-controls.module.css';
import styles from './PreviewPane.module.css';

const FlightCanvas = dynamic(() => import('../scene/FlightCanvas').then((module) => module.FlightCanvas), { ssr: false });

const UI_TICK_MS = 100;

const PreviewScene = memo(function PreviewScene({ route, getTimeS }: { route: Route; getTimeS: () => number }) {
  return <FlightCanvas route={route} tier="phone" getTimeS={getTimeS} className={styles.previewCanvas} />;
});

export interface PreviewPaneProps {
  /** The latest route that parses; null while the draft does not. */
  route: Route | null;
  messages: Messages;
  /** Told a few times a second where the preview is, for the map's marker. */
  onTimeChange(timeS: number | null): void;
  /** The published revision's baked poster (cinematic once that bake lands), shown until the preview starts; null for none. */
  posterUrl?: string | null;
}

export function PreviewPane({ route, messages: m, onTimeChange, posterUrl = null }: PreviewPaneProps) {
  const [started, setStarted] = useState(false);
  // No poster yet (the route was never baked) leaves the plain backdrop.
  const [posterMissing, setPosterMissing] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [shownTimeS, setShownTimeS] = useState(0);
  const timeRef = useRef(0);
  const durationS = route?.durationS ?? 0;
  const getTimeS = useCallback(() => timeRef.current, []);

  useEffect(() => {
    if (timeRef.current > durationS) {
      timeRef.current = durationS;
      setShownTimeS(durationS);
    }
  }, [durationS]);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let lastTick = 0;
    let frame = requestAnimationFrame(function step(now) {
      timeRef.current = Math.min(durationS, timeRef.current + (now - last) / 1000);
      last = now;
      if (now - lastTick > UI_TICK_MS) {
        lastTick = now;
        setShownTimeS(timeRef.current);
        onTimeChange(timeRef.current);
      }
      if (timeRef.current >= durationS) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, durationS, onTimeChange]);

  function scrub(value: number) {
    timeRef.current = value;
    setShownTimeS(value);
    onTimeChange(value);
  }

  return (
    <section className={styles.preview} aria-label={m['studio.preview.title']}>
      <div className={styles.previewStage} data-testid="studio-preview">
        {started && route ? (
          <CanvasErrorBoundary fallback={<p className={styles.previewNote}>{m['player.canvasError']}</p>}>
            <PreviewLook messages={m}>
              <PreviewScene route={route} getTimeS={getTimeS} />
            </PreviewLook>
          </CanvasErrorBoundary>
        ) : (
          <div className={styles.previewPoster} data-baked-poster={posterUrl !== null && !posterMissing}>
            {posterUrl !== null && !posterMissing && (
              <img
                className={styles.previewPosterImage}
                src={posterUrl}
                alt=""
                onError={() => setPosterMissing(true)}
                data-testid="studio-preview-poster"
              />
            )}
            <p>{route ? m['studio.preview.hint'] : m['studio.preview.invalid']}</p>
            <button
              type="button"
              className={controls.primaryButton}
              disabled={!route}
              onClick={() => setStarted(true)}
              data-testid="preview-start"
            >
              {m['studio.preview.start']}
            </button>
          </div>
        )}
      </div>
      <div className={styles.scrubRow}>
        <button
          type="button"
          className={controls.iconButton}
          disabled={!started || !route}
          onClick={() => {
            if (timeRef.current >= durationS) scrub(0);
            setPlaying((p) => !p);
          }}
          aria-label={playing ? m['player.pause'] : m['player.play']}
          data-testid="preview-play"
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <input
          type="range"
          min={0}
          max={durationS}
          step={0.1}
          value={Math.min(shownTimeS, durationS)}
          disabled={!route}
          onChange={(event) => {
            setPlaying(false);
            scrub(Number(event.target.value));
          }}
          aria-label={m['studio.preview.scrub']}
          data-testid="preview-scrub"
          className={styles.scrub}
        />
        <span className={styles.scrubTime}>
          {formatClockTime(shownTimeS)} / {formatClockTime(durationS)}
        </span>
      </div>
    </section>
  );
}
