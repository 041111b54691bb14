// An ink-wash picture of pillar ranks in mist (misty-pillars-svg.ts), shown as a cached image:
// drawn inline, its path data made up most of the catalogue's HTML and of React's hydration
// work on a phone (issue 15). Decorative: the page's text says what the place is.
import { VIEW_H, VIEW_W } from './misty-pillars-svg';
import { mistyPillarsUrl } from './misty-pillars-asset';
import styles from './MistyPillarsArt.module.css';

/** Fills its positioned parent as a backdrop; `className` places it in the parent's stacking (z-index). */
export function MistyPillarsArt({ className }: { className?: string }) {
  return (
    // A plain img: next/image does not resize an SVG, and the size is given here anyway.
    <img
      className={className === undefined ? styles.backdrop : `${styles.backdrop} ${className}`}
      src={mistyPillarsUrl()}
      width={VIEW_W}
      height={VIEW_H}
      alt=""
      aria-hidden="true"
      decoding="async"
      fetchPriority="high"
    />
  );
}
