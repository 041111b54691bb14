'use client';
// The editor's map pane: whether a click adds keyframes or sights, the map itself, and
// the legend for its marks.
import { useState } from 'react';
import type { Route, Vec3 } from '../../scenes/routes/route-schema';
import type { RouteIssue } from '../../scenes/routes/route-issue';
import type { AnySceneWorld } from '../../scenes/world/scene-worlds';
import type { Locale } from '../i18n/locale';
import type { Messages } from '../i18n/messages';
import { RouteMap } from './RouteMap';
import type { MapMode, MapSelection } from './map-selection';
import type { MapEditHandlers } from './use-map-edits';
import styles from './StudioEditor.module.css';

export interface StudioMapPaneProps {
  world: AnySceneWorld;
  route: Route;
  routeIsValid: boolean;
  issues: readonly RouteIssue[];
  selection: MapSelection;
  locale: Locale;
  messages: Messages;
  playhead: Vec3 | null;
  onSelect(selection: MapSelection): void;
  edits: MapEditHandlers;
}

export function StudioMapPane({ world, route, routeIsValid, issues, selection, locale, messages: m, playhead, onSelect, edits }: StudioMapPaneProps) {
  const [mode, setMode] = useState<MapMode>('keyframe');
  return (
    <section className={styles.mapPane} aria-label={m['studio.map.title']}>
      <div className={styles.mapToolbar} role="toolbar">
        <div className={styles.segmented} role="radiogroup" aria-label={m['studio.map.mode']}>
          <button type="button" role="radio" aria-checked={mode === 'keyframe'} data-active={mode === 'keyframe'} onClick={() => setMode('keyframe')} data-testid="mode-keyframe">
            {m['studio.map.addKeyframes']}
          </button>
          <button type="button" role="radio" aria-checked={mode === 'poi'} data-active={mode === 'poi'} onClick={() => setMode('poi')} data-testid="mode-poi">
            {m['studio.map.addSights']}
          </button>
        </div>
        <p className={styles.mapHint}>{mode === 'keyframe' ? m['studio.map.keyframeHint'] : m['studio.map.poiHint']}</p>
      </div>
      <div className={styles.mapFrame}>
        <RouteMap
          world={world}
          route={route}
          routeIsValid={routeIsValid}
          issues={issues}
          selection={selection}
          mode={mode}
          locale={locale}
          label={m['studio.map.label']}
          zoomLabels={{ zoomIn: m['studio.map.zoomIn'], zoomOut: m['studio.map.zoomOut'], fit: m['studio.map.fit'] }}
          playhead={playhead}
          onSelect={onSelect}
          {...edits}
        />
      </div>
      <p className={styles.legend}>
        <span className={styles.legendKeyframe}>●</span> {m['studio.map.legendKeyframe']} <span className={styles.legendLookAt}>◆</span> {m['studio.map.legendLookAt']}{' '}
        <span className={styles.legendPoi}>★</span> {m['studio.map.legendSight']} <span className={styles.legendError}>━</span> {m['studio.map.legendProblem']}
      </p>
    </section>
  );
}
