// Line icons for the player's controls; decorative, since every control carries its own label.
import type { ReactNode } from 'react';

export function LineIcon({ children, sizePx = 24 }: { children: ReactNode; sizePx?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={sizePx} height={sizePx} aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const LINE_STROKE = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
};

export function PlayIcon({ sizePx }: { sizePx?: number }) {
  return (
    <LineIcon sizePx={sizePx}>
      <path d="M8 5.5v13l10.5-6.5z" fill="currentColor" />
    </LineIcon>
  );
}

export function PauseIcon({ sizePx }: { sizePx?: number }) {
  return (
    <LineIcon sizePx={sizePx}>
      <rect x="6.5" y="5.5" width="3.8" height="13" rx="1" fill="currentColor" />
      <rect x="13.7" y="5.5" width="3.8" height="13" rx="1" fill="currentColor" />
    </LineIcon>
  );
}

export function ReplayIcon({ sizePx }: { sizePx?: number }) {
  return (
    <LineIcon sizePx={sizePx}>
      <path d="M5 12a7 7 0 1 0 2.1-5" {...LINE_STROKE} />
      <path d="M5 4.5V8h3.5" {...LINE_STROKE} />
    </LineIcon>
  );
}

export function BackIcon() {
  return (
    <LineIcon>
      <path d="M15 5.5 8.5 12l6.5 6.5" {...LINE_STROKE} />
    </LineIcon>
  );
}

export function FullscreenEnterIcon() {
  return (
    <LineIcon>
      <path d="M4.5 9V4.5H9M15 4.5h4.5V9M19.5 15v4.5H15M9 19.5H4.5V15" {...LINE_STROKE} />
    </LineIcon>
  );
}

export function FullscreenExitIcon() {
  return (
    <LineIcon>
      <path d="M9 4.5V9H4.5M19.5 9H15V4.5M15 19.5V15h4.5M4.5 15H9v4.5" {...LINE_STROKE} />
    </LineIcon>
  );
}

/** A drifting cloud line: the calm-flight toggle. */
export function CalmIcon() {
  return (
    <LineIcon sizePx={20}>
      <path
        d="M3 10c2.2-1.6 4.3-1.6 6.5 0s4.3 1.6 6.5 0 3.4-1.4 5 0M3 15c2.2-1.6 4.3-1.6 6.5 0s4.3 1.6 6.5 0 3.4-1.4 5 0"
        {...LINE_STROKE}
      />
    </LineIcon>
  );
}
