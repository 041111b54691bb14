// The control bar: play/pause, the timeline with current and total time, playback speed
// and calm flight. Presentational: the player owns the clock and passes callbacks in.
import type { CSSProperties, KeyboardEvent } from 'react';
import { formatClockTime } from '../../scenes/timeline/clock-time-format';
import { formatMessage, type Messages } from '../i18n/messages';
import { CalmIcon, PauseIcon, PlayIcon, ReplayIcon } from './PlayerIcons';
import styles from './PlayerControls.module.css';

export const PLAYBACK_SPEEDS = [0.5, 1, 2] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

/** Arrow keys on the timeline move by this much, the same as the page-wide shortcut. */
export const SEEK_STEP_S = 5;

const TIMELINE_KEY_STEPS_S: Readonly<Record<string, number>> = {
  ArrowLeft: -SEEK_STEP_S,
  ArrowDown: -SEEK_STEP_S,
  ArrowRight: SEEK_STEP_S,
  ArrowUp: SEEK_STEP_S,
};

export interface PlayerControlsProps {
  messages: Messages;
  timeS: number;
  durationS: number;
  playing: boolean;
  ended: boolean;
  speed: number;
  calm: boolean;
  onTogglePlay: () => void;
  onSeek: (timeS: number) => void;
  onSeekBy: (deltaS: number) => void;
  onChooseSpeed: (speed: PlaybackSpeed) => void;
  onToggleCalm: () => void;
}

export function PlayerControls(props: PlayerControlsProps) {
  const { messages, timeS, durationS, playing, ended, speed, calm } = props;
  const current = formatClockTime(timeS);
  const total = formatClockTime(durationS);
  const progress = Math.min(100, Math.max(0, (timeS / durationS) * 100));

  function onTimelineKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // The timeline owns its arrow keys: one seek of SEEK_STEP_S, and the page-wide
    // shortcut sees defaultPrevented and stays out, so a press never seeks twice.
    const step = TIMELINE_KEY_STEPS_S[event.key];
    if (step === undefined) return;
    event.preventDefault();
    props.onSeekBy(step);
  }

  return (
    <div className={styles.controls} role="group" aria-label={messages['player.controls']}>
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
          onChange={(event) => props.onSeek(Number(event.currentTarget.value))}
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
      <div className={styles.buttonRow}>
        <button
          type="button"
          className={styles.playToggle}
          onClick={props.onTogglePlay}
          // A toggle keeps one name; aria-pressed says whether the flight is playing.
          aria-label={messages['player.play']}
          aria-pressed={playing}
          title={playing ? messages['player.pause'] : ended ? messages['player.replay'] : messages['player.play']}
          data-testid="play-toggle"
        >
          {playing ? <PauseIcon /> : ended ? <ReplayIcon /> : <PlayIcon />}
        </button>
        <div className={styles.speeds} role="group" aria-label={messages['player.speedGroup']}>
          {PLAYBACK_SPEEDS.map((option) => (
            <button
              key={option}
              type="button"
              className={styles.speed}
              onClick={() => props.onChooseSpeed(option)}
              aria-pressed={speed === option}
              aria-label={formatMessage(messages['player.speed'], { speed: option })}
              data-testid={`speed-${option}`}
            >
              {option}×
            </button>
          ))}
        </div>
        <button
          type="button"
          className={styles.calm}
          onClick={props.onToggleCalm}
          aria-pressed={calm}
          aria-label={messages['player.calmLabel']}
          data-testid="calm-toggle"
        >
          <CalmIcon />
          <span>{messages['player.calm']}</span>
        </button>
        <p className={styles.hint} aria-hidden="true">
          {messages['player.keyboardHint']}
        </p>
      </div>
    </div>
  );
}
