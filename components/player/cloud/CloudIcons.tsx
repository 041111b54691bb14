// Line icons for the cloud controls, drawn like the player's own; decorative, every control carries a label.
import type { ReactNode } from 'react';
import { LINE_STROKE as stroke, LineIcon } from '../PlayerIcons';

// The cloud controls sit in the top bar, a size smaller than the player's buttons.
function Icon({ children, sizePx = 20 }: { children: ReactNode; sizePx?: number }) {
  return <LineIcon sizePx={sizePx}>{children}</LineIcon>;
}

export function DeviceIcon({ sizePx }: { sizePx?: number }) {
  return (
    <Icon sizePx={sizePx}>
      <rect x="7" y="3" width="10" height="18" rx="2.2" {...stroke} />
      <path d="M10.5 18h3" {...stroke} />
    </Icon>
  );
}

export function CloudIcon({ sizePx }: { sizePx?: number }) {
  return (
    <Icon sizePx={sizePx}>
      <path d="M7.5 18.5h9.2a3.8 3.8 0 0 0 .5-7.6 5.2 5.2 0 0 0-10-1.2A4.5 4.5 0 0 0 7.5 18.5z" {...stroke} />
    </Icon>
  );
}

/** "Auto": two arrows chasing each other, the player choosing and choosing again. */
export function AutoIcon({ sizePx }: { sizePx?: number }) {
  return (
    <Icon sizePx={sizePx}>
      <path d="M18.5 9.5A7 7 0 0 0 6.2 8" {...stroke} />
      <path d="M5.5 14.5A7 7 0 0 0 17.8 16" {...stroke} />
      <path d="M6 4.5V8h3.5M18 19.5V16h-3.5" {...stroke} />
    </Icon>
  );
}

export function StatsIcon({ sizePx }: { sizePx?: number }) {
  return (
    <Icon sizePx={sizePx}>
      <circle cx="12" cy="12" r="8.5" {...stroke} />
      <path d="M12 11v5.5" {...stroke} />
      <circle cx="12" cy="7.8" r="1.1" fill="currentColor" />
    </Icon>
  );
}

export function CloseIcon({ sizePx }: { sizePx?: number }) {
  return (
    <Icon sizePx={sizePx}>
      <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" {...stroke} />
    </Icon>
  );
}
