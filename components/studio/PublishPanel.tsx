'use client';
// Publishing and the cloud version: the publish button (refused while the route breaks a
// rule or is unsaved), then the bakes' progress, polled from the studio API until ready.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { RouteIssue } from '@/scenes/routes/route-issue';
import type { RouteBakeProgress } from '@/server/render-api/render-api-contract';
import type { Locale } from '../i18n/locale';
import { formatMessage, type Messages } from '../i18n/messages';
import { studioApi } from './studio-api';
import { CloudBadge } from './CloudBadge';
import { LookAroundBadge } from '../catalogue/LookAroundBadge';
import { lookAroundReady } from '../catalogue/look-around-readiness';
import controls from './studio-controls.module.css';
import styles from './PublishPanel.module.css';

const POLL_MS = 2000;

export interface PublishPanelProps {
  routeId: string;
  messages: Messages;
  locale: Locale;
  revision: number;
  publishedRevision: number | null;
  canPublish: boolean;
  blockedReason: string | null;
  onPublished(): void | Promise<void>;
}

export function PublishPanel({
  routeId,
  messages: m,
  locale,
  revision,
  publishedRevision,
  canPublish,
  blockedReason,
  onPublished,
}: PublishPanelProps) {
  const [busy, setBusy] = useState(false);
  const [bakes, setBakes] = useState<RouteBakeProgress | null>(null);
  const [refused, setRefused] = useState<{ message: string; issues: RouteIssue[] } | null>(null);

  const finished =
    bakes !== null &&
    (bakes.readiness.state === 'ready' || bakes.readiness.state === 'failed') &&
    bakes.profiles.every((p) => p.status === 'done' || p.status === 'failed');

  useEffect(() => {
    if (publishedRevision === null || finished) return;
    let stopped = false;
    const poll = async () => {
      const result = await studioApi.bakes(routeId);
      if (!stopped && result.ok) setBakes(result.value.bakes);
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [routeId, publishedRevision, finished]);

  async function publish() {
    setBusy(true);
    setRefused(null);
    const result = await studioApi.publish(routeId, { revision });
    setBusy(false);
    if (result.ok) {
      setBakes(result.value.bakes);
      await onPublished();
    } else if (result.failure.kind === 'not-publishable') {
      setRefused({ message: result.failure.message, issues: result.failure.issues });
    } else {
      setRefused({ message: result.failure.message, issues: [] });
    }
  }

  const upToDate = publishedRevision === revision;
  return (
    <section className={controls.panel} aria-label={m['studio.publish.title']} data-testid="publish-panel">
      <h2 className={controls.panelTitle}>{m['studio.publish.title']}</h2>
      <p className={controls.muted}>
        {publishedRevision === null
          ? m['studio.publish.never']
          : upToDate
            ? formatMessage(m['studio.publish.live'], { revision: publishedRevision })
            : formatMessage(m['studio.publish.newer'], { revision, published: publishedRevision })}
      </p>
      <div className={controls.buttonRow}>
        <button
          type="button"
          className={controls.primaryButton}
          disabled={!canPublish || busy || upToDate}
          onClick={publish}
          data-testid="publish"
        >
          {busy ? m['studio.publish.busy'] : formatMessage(m['studio.publish.button'], { revision })}
        </button>
        {publishedRevision !== null && (
          <Link href={`/tours/${routeId}?lang=${locale}`} className={controls.linkButton} target="_blank" prefetch={false}>
            {m['studio.publish.view']}
          </Link>
        )}
      </div>
      {!canPublish && blockedReason && !upToDate && <p className={controls.muted}>{blockedReason}</p>}
      {refused && (
        <div className={controls.refused} role="alert">
          <p>{refused.message}</p>
          <ul>
            {refused.issues
              .filter((issue) => issue.severity === 'error')
              .map((issue, i) => (
                <li key={i}>{issue.message[locale]}</li>
              ))}
          </ul>
        </div>
      )}
      {bakes && (
        <div className={styles.bakes} data-testid="bake-progress" data-readiness={bakes.readiness.state}>
          <div className={styles.bakesHeader}>
            <span>{formatMessage(m['studio.bakes.title'], { revision: bakes.revision })}</span>
            <span className={styles.badges}>
              {lookAroundReady(bakes.readiness) && <LookAroundBadge messages={m} wording="studio" />}
              <CloudBadge readiness={bakes.readiness} messages={m} />
            </span>
          </div>
          {bakes.profiles.length === 0 && <p className={controls.muted}>{m['studio.bakes.none']}</p>}
          <ul className={styles.bakeList}>
            {bakes.profiles.map((profile) => {
              const percent = Math.floor((100 * profile.framesDone) / Math.max(1, profile.framesTotal));
              return (
                <li key={profile.profileId} data-status={profile.status}>
                  <span className={styles.bakeProfile}>{profile.profileId}</span>
                  <span className={styles.bakeBar} aria-hidden="true">
                    <span style={{ width: `${profile.status === 'done' ? 100 : percent}%` }} />
                  </span>
                  <span className={styles.bakeState}>{formatMessage(m[`studio.bakes.${profile.status}`], { percent })}</span>
                </li>
              );
            })}
          </ul>
          {bakes.readiness.state === 'queued' && <p className={controls.muted}>{m['studio.bakes.queuedHint']}</p>}
        </div>
      )}
    </section>
  );
}
