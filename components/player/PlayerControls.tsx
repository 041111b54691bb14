// The control bar: play/pause, the timeline with current and total time, playback speed,
// calm flight and looking around. The player owns the clock and passes its state and callbacks in; only
// the timeline reads time from the clock itself, as it moves.
import type { ReactNode } from 'react';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import { formatMessage } from '../i18n/messages';
import type { PlayerMessages } from './player-messages';
import { CalmIcon, PauseIcon, PlayIcon, ReplayIcon } from './PlayerIcons';
import { PlayerTimeline } from './PlayerTimeline';
import styles from './PlayerControls.module.css';

export const PLAYBACK_SPEEDS = [0.5, 1, 2] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

export interface PlayerControlsProps {
  messages: PlayerMessages;
  clock: FlightClock;
  playing: boolean;
  ended: boolean;
  speed: number;
  calm: boolean;
  onTogglePlay: () => void;
  onSeek: (timeS: number) => void;
  onSeekBy: (deltaS: number) => void;
  onChooseSpeed: (speed: PlaybackSpeed) => void;
  onToggleCalm: () => void;
  /** The look-around button (look/LookControls), beside calm flight. */
  look?: ReactNode;
}

export function PlayerControls(props: PlayerControlsProps) {
  const { messages, playing, ended, speed, calm } = props;
  return (
    <div className={styles.controls} role="group" aria-label={messages['player.controls']}>
      <PlayerTimeline messages={messages} clock={props.clock} onSeek={props.onSeek} onSeekBy={props.onSeekBy} />
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
        {props.look}
        <p className={styles.hint} aria-hidden="true">
          {messages['player.keyboardHint']}
        </p>
      </div>
    </div>
  );
}
