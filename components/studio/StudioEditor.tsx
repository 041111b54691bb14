'use client';
// The route editor: the map, the 3D preview and the inspectors around one draft. Owns the
// draft's undo history, validates it as the curator edits (the same rules the server
// enforces at publish), autosaves it on top of the revision it came from, and handles conflicts.
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Route } from '@/scenes/routes/route-schema';
import { countErrors, type RouteIssue } from '@/scenes/routes/route-issue';
import { parseRoute } from '@/scenes/routes/parse-route';
import { validateRoute } from '@/scenes/routes/validate-route';
import { poseAt } from '@/scenes/routes/pose';
import type { StudioRouteDetail } from '@/server/routes/studio-route-contracts';
import type { Locale } from '../i18n/locale';
import { formatCount, type Messages } from '../i18n/messages';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { sceneWorldFor } from '../scene/world-cache';
import { closeStep, recordEdit, redo, startHistory, undo, type EditHistory } from './edit-history';
import { autoDurationS } from './route-draft-edits';
import { selectionForIssue, type DragPhase, type MapMode, type MapSelection } from './map-selection';
import { useMapEdits } from './use-map-edits';
import { useUndoShortcuts } from './use-undo-shortcuts';
import { RouteMap } from './RouteMap';
import { SaveBadge, type SaveState } from './SaveBadge';
import { PreviewPane } from './PreviewPane';
import { RouteInspector } from './RouteInspector';
import { IssueList } from './IssueList';
import { PublishPanel } from './PublishPanel';
import { RevisionHistory } from './RevisionHistory';
import { ConflictDialog } from './ConflictDialog';
import { studioApi, type CurrentRevision } from './studio-api';
import controls from './studio-controls.module.css';
import styles from './StudioEditor.module.css';

const AUTOSAVE_DELAY_MS = 1200;
/** What a click on the map adds, in the toolbar's order. */
const MAP_MODES = [
  { name: 'keyframe', label: 'studio.map.addKeyframes' },
  { name: 'poi', label: 'studio.map.addSights' },
] as const;
/** The header's undo and redo buttons, in that order. */
const HISTORY_STEPS = [
  { name: 'undo', step: undo, glyph: '↶' },
  { name: 'redo', step: redo, glyph: '↷' },
] as const;
const VALIDATE_DELAY_MS = 200;

export interface StudioEditorProps {
  detail: StudioRouteDetail;
  locale: Locale;
  messages: Messages;
  staffEmail: string;
  /** The render server as the browser reaches it; null without a cloud. */
  renderUrl?: string | null;
}

export function StudioEditor({ detail: initialDetail, locale, messages: m, staffEmail, renderUrl = null }: StudioEditorProps) {
  const world = useMemo(() => sceneWorldFor(initialDetail.route.scene), [initialDetail.route.scene]);
  const [detail, setDetail] = useState(initialDetail);
  const [history, setHistory] = useState<EditHistory<Route>>(() => startHistory(initialDetail.route));
  const route = history.present;
  // The render server keeps the published revision's poster, redrawn from its cinematic bake once that lands.
  const bakedPoster =
    renderUrl !== null && detail.publishedRevision !== null ? `${renderUrl}/posters/${encodeURIComponent(initialDetail.id)}.jpg` : null;
  const [baseRevision, setBaseRevision] = useState(initialDetail.latestRevision);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(initialDetail.route));
  const [saveState, setSaveState] = useState<SaveState>(initialDetail.status === 'archived' ? 'archived' : 'saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ current: CurrentRevision | null; mine: Route } | null>(null);
  const [keptEdits, setKeptEdits] = useState<Route | null>(null);
  const [autoDuration, setAutoDuration] = useState(() => initialDetail.route.durationS === autoDurationS(initialDetail.route));
  const [selection, setSelection] = useState<MapSelection>(null);
  const [mode, setMode] = useState<MapMode>('keyframe');
  const [issues, setIssues] = useState<RouteIssue[]>(() => validateRoute(initialDetail.route, world));
  const [previewTimeS, setPreviewTimeS] = useState<number | null>(null);
  const saving = useRef(false);

  const routeJson = useMemo(() => JSON.stringify(route), [route]);
  const dirty = routeJson !== savedJson;
  const parsed = useMemo(() => parseRoute(route), [route]);
  const validRoute = parsed.ok ? parsed.route : null;
  // The preview keeps flying the last route that parsed while a field is half typed.
  const [previewRoute, setPreviewRoute] = useState<Route | null>(validRoute);
  useEffect(() => {
    if (validRoute) setPreviewRoute(validRoute);
  }, [validRoute]);

  /** `dragPhase`: the edit is part of a drag (one undo step); its 'end' (let go) closes the step. */
  const edit = useCallback((change: (current: Route) => Route, key: string | null = null, dragPhase?: DragPhase) => {
    setHistory((current) => {
      const next = recordEdit(current, change(current.present), key, Date.now(), dragPhase !== undefined);
      return dragPhase === 'end' ? closeStep(next) : next;
    });
  }, []);

  // Validation: the scene's own rules against the same world the renderer draws.
  useEffect(() => {
    const timer = setTimeout(() => setIssues(validateRoute(route, world)), VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [route, world]);

  const save = useCallback(async (toSave: Route, base: number) => {
    saving.current = true;
    setSaveState('saving');
    const json = JSON.stringify(toSave);
    const result = await studioApi.save(toSave.id, { baseRevision: base, route: toSave });
    saving.current = false;
    if (result.ok) {
      setBaseRevision(result.value.revision);
      setSavedJson(json);
      setSaveError(null);
      setSaveState('saved');
      if (result.value.created) {
        const refreshed = await studioApi.get(toSave.id);
        if (refreshed.ok) setDetail(refreshed.value.route);
      }
      return;
    }
    const { failure } = result;
    if (failure.kind === 'conflict') {
      if (failure.current === null) {
        setSaveState('archived');
        setSaveError(failure.message);
        return;
      }
      setConflict({ current: failure.current, mine: toSave });
      setSaveState('conflict');
      return;
    }
    // Signed out or unreachable: the draft stays in the editor, and the badge's title says why.
    setSaveError(failure.message);
    setSaveState('error');
  }, []);

  // Autosave: a quiet moment after the last edit, when the draft parses and nothing is pending.
  useEffect(() => {
    if (!dirty) {
      if (saveState === 'unsaved' || saveState === 'invalid') setSaveState('saved');
      return;
    }
    if (saveState === 'conflict' || saveState === 'archived') return;
    if (!validRoute) {
      setSaveState('invalid');
      return;
    }
    if (saveState !== 'saving') setSaveState('unsaved');
    const timer = setTimeout(() => {
      if (!saving.current) void save(validRoute, baseRevision);
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dirty, validRoute, baseRevision, save, saveState]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useUndoShortcuts(setHistory);

  const mapEdits = useMapEdits(route, world, autoDuration, edit, setSelection);

  const playhead = useMemo(
    () => (previewTimeS !== null && previewRoute ? poseAt(previewRoute, previewTimeS).position : null),
    [previewRoute, previewTimeS],
  );

  function reloadCurrent(current: CurrentRevision, keep: Route) {
    setKeptEdits(keep);
    setHistory(startHistory(current.route));
    setBaseRevision(current.revision);
    setSavedJson(JSON.stringify(current.route));
    setConflict(null);
    setSaveState('saved');
    void studioApi.get(current.route.id).then((result) => result.ok && setDetail(result.value.route));
  }

  function overwriteWithMine(current: CurrentRevision, mine: Route) {
    setConflict(null);
    setSaveState('unsaved');
    void save(mine, current.revision);
  }

  function afterRestore(next: StudioRouteDetail) {
    setDetail(next);
    setHistory(startHistory(next.route));
    setBaseRevision(next.latestRevision);
    setSavedJson(JSON.stringify(next.route));
    setSaveState('saved');
    setSelection(null);
  }

  const errorCount = countErrors(issues);

  return (
    <div className={styles.editor} data-testid="studio-editor" data-save-state={saveState} data-revision={baseRevision}>
      <header className={styles.topBar}>
        <Link href="/studio" className={styles.backLink} prefetch={false}>
          ← {m['studio.editor.back']}
        </Link>
        <div className={styles.titleBlock}>
          <h1 className={styles.routeTitle}>{route.title[locale] || route.id}</h1>
          <span className={styles.statusChip} data-status={detail.status}>
            {m[`studio.status.${detail.status}`]}
          </span>
        </div>
        <SaveBadge state={saveState} messages={m} error={saveError} />
        <div className={styles.undoGroup}>
          {HISTORY_STEPS.map(({ name, step, glyph }) => (
            <button
              key={name}
              type="button"
              className={controls.iconButton}
              onClick={() => setHistory(step)}
              disabled={(name === 'undo' ? history.past : history.future).length === 0}
              title={m[`studio.editor.${name}Hint`]}
              aria-label={m[`studio.editor.${name}`]}
              data-testid={name}
            >
              {glyph}
            </button>
          ))}
        </div>
        <span className={styles.staffEmail}>{staffEmail}</span>
        <LanguageSwitch locale={locale} label={m['lang.switchLabel']} />
      </header>

      {keptEdits && (
        <div className={styles.keptBanner} role="status">
          <span>{m['studio.conflict.keptBanner']}</span>
          <button type="button" className={controls.linkButton} onClick={() => setConflict({ current: null, mine: keptEdits })}>
            {m['studio.conflict.showKept']}
          </button>
          <button type="button" className={controls.linkButton} onClick={() => setKeptEdits(null)}>
            {m['studio.conflict.dismiss']}
          </button>
        </div>
      )}

      <div className={styles.workspace}>
        <section className={styles.mapPane} aria-label={m['studio.map.title']}>
          <div className={styles.mapToolbar} role="toolbar">
            <div className={styles.segmented} role="radiogroup" aria-label={m['studio.map.mode']}>
              {MAP_MODES.map(({ name, label }) => (
                <button
                  key={name}
                  type="button"
                  role="radio"
                  aria-checked={mode === name}
                  data-active={mode === name}
                  onClick={() => setMode(name)}
                  data-testid={`mode-${name}`}
                >
                  {m[label]}
                </button>
              ))}
            </div>
            <p className={styles.mapHint}>{mode === 'keyframe' ? m['studio.map.keyframeHint'] : m['studio.map.poiHint']}</p>
          </div>
          <div className={styles.mapFrame}>
            <RouteMap
              world={world}
              route={route}
              routeIsValid={validRoute !== null}
              issues={issues}
              selection={selection}
              mode={mode}
              locale={locale}
              label={m['studio.map.label']}
              zoomLabels={{ zoomIn: m['studio.map.zoomIn'], zoomOut: m['studio.map.zoomOut'], fit: m['studio.map.fit'] }}
              playhead={playhead}
              onSelect={setSelection}
              {...mapEdits}
            />
          </div>
          <p className={styles.legend}>
            <span className={styles.legendKeyframe}>●</span> {m['studio.map.legendKeyframe']} <span className={styles.legendLookAt}>◆</span>{' '}
            {m['studio.map.legendLookAt']} <span className={styles.legendPoi}>★</span> {m['studio.map.legendSight']}{' '}
            <span className={styles.legendError}>━</span> {m['studio.map.legendProblem']}
          </p>
        </section>

        <aside className={styles.side}>
          <PreviewPane route={previewRoute} messages={m} onTimeChange={setPreviewTimeS} posterUrl={bakedPoster} />
          <IssueList
            issues={issues}
            locale={locale}
            messages={m}
            onSelect={(issue) => {
              const next = selectionForIssue(issue);
              if (next) setSelection(next);
            }}
          />
          <RouteInspector
            route={route}
            world={world}
            selection={selection}
            locale={locale}
            messages={m}
            autoDuration={autoDuration}
            onAutoDurationChange={setAutoDuration}
            onSelect={setSelection}
            edit={edit}
            readOnly={saveState === 'archived'}
          />
          <PublishPanel
            routeId={route.id}
            messages={m}
            locale={locale}
            revision={baseRevision}
            publishedRevision={detail.publishedRevision}
            canPublish={!dirty && saveState === 'saved' && errorCount === 0}
            blockedReason={
              errorCount > 0
                ? formatCount(locale, 'studio.publish.blockedErrors', errorCount)
                : dirty || saveState !== 'saved'
                  ? m['studio.publish.blockedUnsaved']
                  : null
            }
            onPublished={async () => {
              const refreshed = await studioApi.get(route.id);
              if (refreshed.ok) setDetail(refreshed.value.route);
            }}
          />
          <RevisionHistory
            detail={detail}
            currentRevision={baseRevision}
            messages={m}
            locale={locale}
            canRestore={!dirty && saveState === 'saved'}
            onRestored={afterRestore}
            onConflict={(current) => current && setConflict({ current, mine: route })}
          />
        </aside>
      </div>

      {conflict && (
        <ConflictDialog
          messages={m}
          current={conflict.current}
          mine={conflict.mine}
          onReload={(current) => reloadCurrent(current, conflict.mine)}
          onOverwrite={(current) => overwriteWithMine(current, conflict.mine)}
          onClose={() => setConflict(null)}
        />
      )}
    </div>
  );
}
