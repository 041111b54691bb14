// Line icons for the cloud controls, drawn like the player's own; decorative, every control carries a label.
// The cloud controls sit in the top bar, a size smaller than the player's buttons: 20 px unless told.
import { Line, LINE_STROKE, lineIcon } from '../PlayerIcons';

export const DeviceIcon = lineIcon(
  <>
    <rect x="7" y="3" width="10" height="18" rx="2.2" {...LINE_STROKE} />
    <Line d="M10.5 18h3" />
  </>,
  20,
);

export const CloudIcon = lineIcon(<Line d="M7.5 18.5h9.2a3.8 3.8 0 0 0 .5-7.6 5.2 5.2 0 0 0-10-1.2A4.5 4.5 0 0 0 7.5 18.5z" />, 20);

/** "Auto": two arrows chasing each other, the player choosing and choosing again. */
export const AutoIcon = lineIcon(
  <>
    <Line d="M18.5 9.5A7 7 0 0 0 6.2 8" />
    <Line d="M5.5 14.5A7 7 0 0 0 17.8 16" />
    <Line d="M6 4.5V8h3.5M18 19.5V16h-3.5" />
  </>,
  20,
);

export const StatsIcon = lineIcon(
  <>
    <circle cx="12" cy="12" r="8.5" {...LINE_STROKE} />
    <Line d="M12 11v5.5" />
    <circle cx="12" cy="7.8" r="1.1" fill="currentColor" />
  </>,
  20,
);

export const CloseIcon = lineIcon(<Line d="M6.5 6.5l11 11M17.5 6.5l-11 11" />, 20);
