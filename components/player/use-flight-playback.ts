// The player's commands on the flight clock (play, pause, seek) and what the page shows of
// its state. The state comes from the clock's events (useFlightClockState), not a poll. It
// also holds the flight while the tab is hidden and puts the test handle on window.
import { useCallback, useEffect, useState } from 'react';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import { useFlightClockState } from './use-flight-clock-state';
import type { YunshanPlayerHandle } from './player-test-handle';

export interface FlightPlayback {
  /** The page shows the flight as playing: the clock plays, or is about to (see turnToPlaying). */
  playing: boolean;
  ended: boolean;
  /** Played at least once: the big button then says "play", not "start". */
  hasStarted: boolean;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  seekTo: (timeS: number) => void;
  seekBy: (deltaS: number) => void;
  /** Autoplay: the page turns to "playing" now, and the clock starts two frames later. */
  turnToPlaying: () => void;
}

/** `onPlay` runs on every start (the controls reveal themselves, then hide while playing). */
export function useFlightPlayback(clock: FlightClock, onPlay: () => void): FlightPlayback {
  const clockState = useFlightClockState(clock);
  const [hasStarted, setHasStarted] = useState(false);
  const [aboutToPlay, setAboutToPlay] = useState(false);

  const play = useCallback(() => {
    clock.play(performance.now());
    setHasStarted(true);
    setAboutToPlay(false);
    onPlay();
  }, [clock, onPlay]);

  const pause = useCallback(() => {
    clock.pause(performance.now());
    setAboutToPlay(false);
  }, [clock]);

  const togglePlay = useCallback(() => {
    if (clock.isPlaying(performance.now())) pause();
    else play();
  }, [clock, play, pause]);

  const seekTo = useCallback(
    (toS: number) => {
      if (Number.isFinite(toS)) clock.seek(toS, performance.now());
    },
    [clock],
  );
  const seekBy = useCallback((deltaS: number) => clock.seekBy(deltaS, performance.now()), [clock]);

  const turnToPlaying = useCallback(() => {
    // The page turns to "playing" first (the big button and its blur go, the controls settle):
    // that commit, style and repaint cost a frame or more on a busy machine. The clock starts
    // on the frame after it is painted, so the cost lands before the flight's first frames
    // are due, not on them (a clock already running would pass over the frames it delayed).
    setHasStarted(true);
    setAboutToPlay(true);
    // (Not cancelled on unmount or re-render: autoplay happens once, whatever re-renders meanwhile.)
    requestAnimationFrame(() => requestAnimationFrame(() => play()));
  }, [play]);

  // A flight in a background tab would fly on unseen; hold it until the visitor is back.
  useEffect(() => {
    function onVisibilityChange() {
      if (document.visibilityState === 'hidden' && clock.isPlaying(performance.now())) pause();
    }
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => document.removeEventListener('visibilitychange', onVisibilityChange);
  }, [clock, pause]);

  useEffect(() => {
    const handle: YunshanPlayerHandle = {
      timeS: () => clock.timeAt(performance.now()),
      play,
      pause,
      seek: seekTo,
      playing: () => clock.isPlaying(performance.now()),
      durationS: clock.durationS,
    };
    window.__yunshanPlayer = handle;
    return () => {
      if (window.__yunshanPlayer === handle) delete window.__yunshanPlayer;
    };
  }, [clock, play, pause, seekTo]);

  return {
    playing: clockState.playing || aboutToPlay,
    ended: clockState.ended,
    hasStarted,
    play,
    pause,
    togglePlay,
    seekTo,
    seekBy,
    turnToPlaying,
  };
}
