// The Yunshan mark: three pillars rising through a band of cloud (the same drawing as app/icon.svg).

export function YunshanMark({ sizePx = 28, className }: { sizePx?: number; className?: string }) {
  return (
    <svg className={className} width={sizePx} height={sizePx} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M7 28V13.5l2-2.5 2.4 1 .6 3V28z" fill="#7c9c8d" />
      <path d="M13 28V6.5l2.2-2.8 2.8 1.2.8 3.2V28z" fill="#eef1ec" />
      <path d="M21 28V11l2-2.2 2.2 1 .6 2.7V28z" fill="#b3beb7" />
      <path
        d="M3 21.5c3-1.6 5.6-1.6 8.2 0s5.3 1.6 8.2 0 5.6-1.6 9.6.4"
        fill="none"
        stroke="#dcbc82"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
