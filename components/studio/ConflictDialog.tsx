'use client';
// Shown when someone else saved this route first: reload their revision or save over it,
// while the curator's own edits stay on screen, selectable and copyable, so nothing typed is lost.
import { useEffect, useRef, useState } from 'react';
import type { Route } from '@/scenes/routes/route-schema';
import { formatMessage, type Messages } from '../i18n/messages';
import type { CurrentRevision } from './studio-api';
import controls from './studio-controls.module.css';
import styles from './ConflictDialog.module.css';

export interface ConflictDialogProps {
  messages: Messages;
  /** Null when only showing edits kept from an earlier reload. */
  current: CurrentRevision | null;
  mine: Route;
  onReload(current: CurrentRevision): void;
  onOverwrite(current: CurrentRevision): void;
  onClose(): void;
}

export function ConflictDialog({ messages: m, current, mine, onReload, onOverwrite, onClose }: ConflictDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState(false);
  const text = JSON.stringify(mine, null, 2);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <dialog ref={dialog} className={styles.dialog} onCancel={onClose} data-testid="conflict-dialog" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{current ? m['studio.conflict.title'] : m['studio.conflict.keptTitle']}</h2>
      {current && <p>{formatMessage(m['studio.conflict.body'], { revision: current.revision })}</p>}
      <label className={controls.field}>
        <span>{m['studio.conflict.yourEdits']}</span>
        <textarea
          readOnly
          value={text}
          rows={10}
          className={styles.codeBox}
          data-testid="conflict-mine"
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <div className={controls.buttonRow}>
        <button type="button" className={controls.secondaryButton} onClick={copy}>
          {copied ? m['studio.conflict.copied'] : m['studio.conflict.copy']}
        </button>
        {current && (
          <>
            <button type="button" className={controls.primaryButton} onClick={() => onReload(current)} data-testid="conflict-reload">
              {m['studio.conflict.reload']}
            </button>
            <button type="button" className={controls.dangerButton} onClick={() => onOverwrite(current)} data-testid="conflict-overwrite">
              {m['studio.conflict.overwrite']}
            </button>
          </>
        )}
        {!current && (
          <button type="button" className={controls.primaryButton} onClick={onClose}>
            {m['studio.conflict.dismiss']}
          </button>
        )}
      </div>
    </dialog>
  );
}
