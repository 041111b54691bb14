'use client';
// Every saved revision, newest first, with who wrote it and whether visitors saw it;
// an earlier one can be restored (copied as a new draft revision, nothing is overwritten).
import { useState } from 'react';
import type { StudioRouteDetail } from '@/server/routes/studio-route-contracts';
import type { Locale } from '../i18n/locale';
import { formatMessage, type Messages } from '../i18n/messages';
import { studioApi, type CurrentRevision } from './studio-api';
import controls from './studio-controls.module.css';
import styles from './RevisionHistory.module.css';

export interface RevisionHistoryProps {
  detail: StudioRouteDetail;
  currentRevision: number;
  messages: Messages;
  locale: Locale;
  canRestore: boolean;
  onRestored(detail: StudioRouteDetail): void;
  onConflict(current: CurrentRevision | null): void;
}

export function RevisionHistory({
  detail,
  currentRevision,
  messages: m,
  locale,
  canRestore,
  onRestored,
  onConflict,
}: RevisionHistoryProps) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dateFormat = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  async function restore(revision: number) {
    setBusy(revision);
    setError(null);
    const result = await studioApi.restore(detail.id, { revision, baseRevision: currentRevision });
    setBusy(null);
    if (result.ok) onRestored(result.value.route);
    else if (result.failure.kind === 'conflict') onConflict(result.failure.current);
    else setError(result.failure.message);
  }

  return (
    <details className={controls.panel} data-testid="revision-history">
      <summary className={controls.panelTitle}>{formatMessage(m['studio.history.title'], { count: detail.revisions.length })}</summary>
      {error && (
        <p role="alert" className={controls.refused}>
          {error}
        </p>
      )}
      <ol className={styles.revisions}>
        {detail.revisions.map((revision) => (
          <li key={revision.revision} className={styles.revision}>
            <div>
              <strong>{formatMessage(m['studio.history.revision'], { revision: revision.revision })}</strong>
              {revision.published && <span className={styles.publishedTag}>{m['studio.history.published']}</span>}
              {revision.revision === currentRevision && <span className={styles.currentTag}>{m['studio.history.current']}</span>}
              <div className={controls.muted}>
                {dateFormat.format(new Date(revision.createdAt))} · {revision.authorEmail ?? m['studio.history.seeded']}
                {revision.origin === 'restored' &&
                  revision.sourceRevision !== null &&
                  ` · ${formatMessage(m['studio.history.restoredFrom'], { revision: revision.sourceRevision })}`}
              </div>
            </div>
            {revision.revision !== currentRevision && (
              <button
                type="button"
                className={controls.secondaryButton}
                disabled={!canRestore || busy !== null}
                onClick={() => restore(revision.revision)}
                data-testid="restore-revision"
              >
                {busy === revision.revision ? '…' : m['studio.history.restore']}
              </button>
            )}
          </li>
        ))}
      </ol>
      {!canRestore && <p className={controls.muted}>{m['studio.history.saveFirst']}</p>}
    </details>
  );
}
