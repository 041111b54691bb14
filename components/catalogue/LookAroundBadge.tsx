// The small "360°" mark of a flight whose sphere is baked (look-around-readiness.ts): on a
// catalogue card, in the studio's list and its bake panel. Its accessible name says in words
// what the symbol means; `describes` gives it an id so a card can name it in its description.
// No hooks, no client code: the catalogue renders it on the server.
import type { Messages } from '../i18n/messages';
import styles from './LookAroundBadge.module.css';

export interface LookAroundBadgeProps {
  messages: Messages;
  /** 'catalogue': the visitor's wording ("look around in 360°"); 'studio': the staff's ("360° ready"). */
  wording: 'catalogue' | 'studio';
  id?: string;
  className?: string;
}

export function LookAroundBadge({ messages: m, wording, id, className }: LookAroundBadgeProps) {
  const label = wording === 'catalogue' ? m['look360.catalogueLabel'] : m['look360.studioLabel'];
  return (
    <span
      id={id}
      role="img"
      aria-label={label}
      title={label}
      className={className ? `${styles.badge} ${className}` : styles.badge}
      data-testid="look-around-badge"
    >
      {wording === 'catalogue' ? m['look360.mark'] : m['look360.studioMark']}
    </span>
  );
}
