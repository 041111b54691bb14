// Playback speed and calm flight: the visitor's choice of speed, and calm (half speed) when
// they ask for it or their system prefers reduced motion. The clock follows the result.
import { useCallback, useEffect, useState } from 'react';
import type { FlightClock } from '@/scenes/timeline/flight-clock';
import type { PlaybackSpeed } from './PlayerControls';
import { useMediaQuery } from './use-media-query';

const CALM_SPEED: PlaybackSpeed = 0.5;

export interface PlaybackSpeedChoice {
  speed: PlaybackSpeed;
  calm: boolean;
  chooseSpeed: (speed: PlaybackSpeed) => void;
  toggleCalm: () => void;
}

export function usePlaybackSpeed(clock: FlightClock): PlaybackSpeedChoice {
  const prefersReducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const [calmChoice, setCalmChoice] = useState<boolean | null>(null);
  const calm = calmChoice ?? prefersReducedMotion;
  const [chosenSpeed, setChosenSpeed] = useState<PlaybackSpeed>(1);
  const speed = calm ? CALM_SPEED : chosenSpeed;

  useEffect(() => {
    clock.setSpeed(speed, performance.now());
  }, [clock, speed]);

  const chooseSpeed = useCallback((option: PlaybackSpeed) => {
    setChosenSpeed(option);
    // Asking for a faster speed is asking to leave calm flight.
    if (option !== CALM_SPEED) setCalmChoice(false);
  }, []);
  const toggleCalm = useCallback(() => setCalmChoice(!calm), [calm]);
  return { speed, calm, chooseSpeed, toggleCalm };
}
