'use client';
// The studio's route list: each route's draft/published state, cloud readiness and 360° mark, with
// create (a two-keyframe sketch at the chosen sight), duplicate and archive.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { LANDMARK_IDS, LANDMARKS, type LandmarkId } from '@/scenes/world/landmarks';
import type { Locale } from '../i18n/locale';
import { formatMessage, type Messages } from '../i18n/messages';
import { sceneWorldFor } from '../scene/world-cache';
import { routeIdFromTitle, starterRoute } from './route-draft-edits';
import { studioApi, type StudioListEntry } from './studio-api';
import { CloudBadge } from './CloudBadge';
import { LookAroundBadge } from '../catalogue/LookAroundBadge';
import { lookAroundReady } from '../catalogue/look-around-readiness';
import styles from './StudioList.module.css';
import textField from './text-field.module.css';

export interface StudioListProps {
  routes: StudioListEntry[];
  locale: Locale;
  messages: Messages;
}

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function StudioList({ routes, locale, messages: m }: StudioListProps) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const dateFormat = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const visible = routes.filter((r) => showArchived || r.status !== 'archived');
  const archivedCount = routes.length - routes.filter((r) => r.status !== 'archived').length;

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const titleZh = String(form.get('titleZh') ?? '').trim();
    const titleEn = String(form.get('titleEn') ?? '').trim();
    const landmark = String(form.get('landmark')) as LandmarkId;
    setBusy('new');
    setError(null);
    const route = starterRoute(
      {
        id: routeIdFromTitle(titleEn, randomSuffix()),
        title: { zh: titleZh, en: titleEn },
        description: { zh: titleZh, en: titleEn },
        landmark,
      },
      sceneWorldFor(LANDMARKS[landmark].scene),
    );
    const result = await studioApi.create({ route });
    setBusy(null);
    if (result.ok) router.push(`/studio/routes/${result.value.route.id}`);
    else setError(result.failure.message);
  }

  async function duplicate(entry: StudioListEntry) {
    setBusy(entry.id);
    setError(null);
    const result = await studioApi.duplicate(entry.id, {
      newId: routeIdFromTitle(entry.title.en, randomSuffix()),
      title: { zh: `${entry.title.zh}（副本）`, en: `${entry.title.en} (copy)` },
    });
    setBusy(null);
    if (result.ok) router.refresh();
    else setError(result.failure.message);
  }

  async function archive(entry: StudioListEntry, archived: boolean) {
    if (archived && !window.confirm(formatMessage(m['studio.list.archiveConfirm'], { title: entry.title[locale] }))) return;
    setBusy(entry.id);
    setError(null);
    const result = await studioApi.archive(entry.id, { archived });
    setBusy(null);
    if (result.ok) router.refresh();
    else setError(result.failure.message);
  }

  return (
    <main className={styles.main}>
      <div className={styles.titleRow}>
        <div>
          <h1 className={styles.title}>{m['studio.list.title']}</h1>
          <p className={styles.lead}>{m['studio.list.lead']}</p>
        </div>
        <button
          type="button"
          className={styles.primaryButton}
          onClick={() => setCreating((c) => !c)}
          aria-expanded={creating}
          data-testid="new-route"
        >
          {m['studio.list.new']}
        </button>
      </div>

      {creating && (
        <form className={styles.createForm} onSubmit={create} data-testid="new-route-form">
          <label>
            <span>{m['studio.list.titleZh']}</span>
            <input className={textField.textField} name="titleZh" lang="zh-CN" required maxLength={120} data-testid="new-title-zh" />
          </label>
          <label>
            <span>{m['studio.list.titleEn']}</span>
            <input className={textField.textField} name="titleEn" lang="en" required maxLength={120} data-testid="new-title-en" />
          </label>
          <label>
            <span>{m['studio.route.landmark']}</span>
            <select className={textField.textField} name="landmark" defaultValue={LANDMARK_IDS[0]} data-testid="new-landmark">
              {LANDMARK_IDS.map((id) => (
                <option key={id} value={id}>
                  {LANDMARKS[id].name[locale]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={styles.primaryButton} disabled={busy === 'new'} data-testid="create-route">
            {busy === 'new' ? '…' : m['studio.list.create']}
          </button>
          <p className={styles.hint}>{m['studio.list.createHint']}</p>
        </form>
      )}

      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}

      <ul className={styles.list}>
        {visible.map((entry) => (
          <li key={entry.id} className={styles.row} data-testid="studio-route" data-route-id={entry.id} data-status={entry.status}>
            <div className={styles.rowMain}>
              <Link href={`/studio/routes/${entry.id}`} className={styles.routeLink} prefetch={false}>
                {entry.title[locale]}
              </Link>
              <div className={styles.meta}>
                <span className={styles.statusChip} data-status={entry.status}>
                  {m[`studio.status.${entry.status}`]}
                </span>
                {entry.hasUnpublishedChanges && <span className={styles.draftNote}>{m['studio.list.unpublishedChanges']}</span>}
                <span>{LANDMARKS[entry.landmark].name[locale]}</span>
                <span>{formatMessage(m['studio.list.revision'], { revision: entry.latestRevision })}</span>
                <span>{dateFormat.format(new Date(entry.updatedAt))}</span>
              </div>
            </div>
            <div className={styles.rowCloud}>
              <span className={styles.cloudLabel}>{m['catalogue.cloud']}</span>
              <CloudBadge readiness={entry.cloud} messages={m} />
              {lookAroundReady(entry.cloud) && <LookAroundBadge messages={m} wording="studio" />}
            </div>
            <div className={styles.rowActions}>
              <Link href={`/studio/routes/${entry.id}`} className={styles.secondaryButton} prefetch={false}>
                {m['studio.list.edit']}
              </Link>
              <RowAction label={m['studio.list.duplicate']} busy={busy} onClick={() => duplicate(entry)} testId="duplicate-route" />
              {entry.status === 'archived' ? (
                <RowAction label={m['studio.list.unarchive']} busy={busy} onClick={() => archive(entry, false)} />
              ) : (
                <RowAction label={m['studio.list.archive']} busy={busy} onClick={() => archive(entry, true)} testId="archive-route" />
              )}
            </div>
          </li>
        ))}
      </ul>
      {archivedCount > 0 && (
        <button type="button" className={styles.linkButton} onClick={() => setShowArchived((s) => !s)}>
          {formatMessage(showArchived ? m['studio.list.hideArchived'] : m['studio.list.showArchived'], { count: archivedCount })}
        </button>
      )}
    </main>
  );
}

/** A route row's quieter action; every action waits while another is in flight. */
function RowAction({ label, busy, onClick, testId }: { label: string; busy: string | null; onClick(): void; testId?: string }) {
  return (
    <button type="button" className={styles.ghostButton} disabled={busy !== null} onClick={onClick} data-testid={testId}>
      {label}
    </button>
  );
}
