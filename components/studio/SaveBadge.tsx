// The editor's save state as a badge that screen readers hear change; its title says
// why a save failed.
import type { Messages } from '../i18n/messages';
import styles from './StudioEditor.module.css';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'conflict' | 'error' | 'archived';

export function SaveBadge({ state, messages: m, error }: { state: SaveState; messages: Messages; error: string | null }) {
  return (
    <span
      className={styles.saveBadge}
      data-state={state}
      data-testid="save-state"
      role="status"
      aria-live="polite"
      title={error ?? undefined}
    >
      {m[`studio.save.${state}`]}
    </span>
  );
}
