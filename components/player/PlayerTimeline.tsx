// The timeline row: current time, the scrubber, total time. It is the one part of the
// controls that moves while the flight plays, so it reads the clock itself, frame by frame
// (useFlightTimeDisplay), and re-renders alone when the thumb would move a step; the rest of
// the player re-renders only when the clock's state changes.
import { useCallback, type CSSProperties, type KeyboardEvent } from 'react';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import { formatClockTime } from '@/scenes/timeline/clock-time-format';
import { formatMessage } from '../i18n/messages';
import type { PlayerMessages } from './player-messages';
import { useFlightTimeDisplay } from './use-flight-time-display';
import styles from './PlayerControls.module.css';

/** Arrow keys on the timeline move by this much, the same as the page-wide shortcut. */
export const SEEK_STEP_S = 5;

/** The thumb moves in this many steps over the route: about a pixel of a laptop's timeline, finer than a phone's. */
const TIMELINE_STEPS = 1000;

const TIMELINE_KEY_STEPS_S: Readonly<Record<string, number>> = {
  ArrowLeft: -SEEK_STEP_S,
  ArrowDown: -SEEK_STEP_S,
  ArrowRight: SEEK_STEP_S,
  ArrowUp: SEEK_STEP_S,
};

export interface PlayerTimelineProps {
  messages: PlayerMessages;
  clock: FlightClock;
  onSeek: (timeS: number) => void;
  onSeekBy: (deltaS: number) => void;
}

export function PlayerTimeline({ messages, clock, onSeek, onSeekBy }: PlayerTimelineProps) {
  const { durationS } = clock;
  const toStep = useCallback(
    (timeS: number) => (timeS >= durationS ? durationS : Math.floor((timeS / durationS) * TIMELINE_STEPS) * (durationS / TIMELINE_STEPS)),
    [durationS],
  );
  const timeS = useFlightTimeDisplay(clock, toStep);
  const current = formatClockTime(timeS);
  const total = formatClockTime(durationS);
  const progress = Math.min(100, Math.max(0, (timeS / durationS) * 100));

  function onTimelineKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // The timeline owns its arrow keys: one seek of SEEK_STEP_S, and the page-wide
    // shortcut sees defaultPrevented and stays out, so a press never seeks twice.
    const step = TIMELINE_KEY_STEPS_S[event.key];
    if (step === undefined) return;
    event.preventDefault();
    onSeekBy(step);
  }

  return (
    <div className={styles.timelineRow}>
      <span className={styles.time} data-testid="time-current">
        <span className="visually-hidden">{messages['player.currentTime']} </span>
        {current}
      </span>
      <input
        type="range"
        className={styles.timeline}
        min={0}
        max={durationS}
        step="any"
        value={timeS}
        onChange={(event) => onSeek(Number(event.currentTarget.value))}
        onKeyDown={onTimelineKeyDown}
        aria-label={messages['player.timeline']}
        aria-valuetext={formatMessage(messages['player.timeValue'], { current, total })}
        data-testid="timeline"
        style={{ '--progress': `${progress}%` } as CSSProperties}
      />
      <span className={styles.time} data-testid="time-total">
        <span className="visually-hidden">{messages['player.totalTime']} </span>
        {total}
      </span>
    </div>
  );
}
