// The catalogue's thin arrow beside a call to action: down to the flights, or on into one.
const PATHS = {
  down: 'M10 4v11M5.5 10.5 10 15l4.5-4.5',
  right: 'M4 10h11M11 5.5 15.5 10 11 14.5',
} as const;

export function ArrowIcon({ direction }: { direction: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[direction]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
