// Line icons for the player's controls; decorative, since every control carries its own label.
// Each icon is fixed shapes in a 24-unit box, so one factory makes them all.
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

/** A stroked path in the icons' line weight. */
export function Line({ d }: { d: string }) {
  return <path d={d} {...LINE_STROKE} />;
}

/** An icon component drawing `shapes`, `defaultSizePx` square unless the caller says otherwise. */
export function lineIcon(shapes: ReactNode, defaultSizePx = 24) {
  return function Icon({ sizePx = defaultSizePx }: { sizePx?: number }) {
    return <LineIcon sizePx={sizePx}>{shapes}</LineIcon>;
  };
}

export const PlayIcon = lineIcon(<path d="M8 5.5v13l10.5-6.5z" fill="currentColor" />);

export const PauseIcon = lineIcon(
  <>
    <rect x="6.5" y="5.5" width="3.8" height="13" rx="1" fill="currentColor" />
    <rect x="13.7" y="5.5" width="3.8" height="13" rx="1" fill="currentColor" />
  </>,
);

export const ReplayIcon = lineIcon(
  <>
    <Line d="M5 12a7 7 0 1 0 2.1-5" />
    <Line d="M5 4.5V8h3.5" />
  </>,
);

export const BackIcon = lineIcon(<Line d="M15 5.5 8.5 12l6.5 6.5" />);

export const FullscreenEnterIcon = lineIcon(<Line d="M4.5 9V4.5H9M15 4.5h4.5V9M19.5 15v4.5H15M9 19.5H4.5V15" />);

export const FullscreenExitIcon = lineIcon(<Line d="M9 4.5V9H4.5M19.5 9H15V4.5M15 19.5V15h4.5M4.5 15H9v4.5" />);

/** A drifting cloud line: the calm-flight toggle. */
export const CalmIcon = lineIcon(
  <Line d="M3 10c2.2-1.6 4.3-1.6 6.5 0s4.3 1.6 6.5 0 3.4-1.4 5 0M3 15c2.2-1.6 4.3-1.6 6.5 0s4.3 1.6 6.5 0 3.4-1.4 5 0" />,
  20,
);
