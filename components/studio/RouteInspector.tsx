'use client';
// The inspector beside the map: the selected keyframe (altitude, look-at), the selected
// sight (bilingual title and narration, timing), and the route's own settings.
import type { LocalizedText, Route, TimeOfDay } from '@/scenes/routes/route-schema';
import { ROUTE_MAX_DURATION_S, ROUTE_MIN_DURATION_S } from '@/scenes/routes/route-schema';
import type { AnySceneWorld } from '@/scenes/world/scene-worlds';
import { LANDMARK_IDS, LANDMARKS } from '@/scenes/world/landmarks';
import type { Locale } from '../i18n/locale';
import { formatMessage, type Messages } from '../i18n/messages';
import {
  MIN_KEYFRAMES,
  autoDurationS,
  landmarkTarget,
  lookAheadTarget,
  removeKeyframe,
  removePointOfInterest,
  setDuration,
  setKeyframeAltitude,
  setKeyframeLookAt,
  updatePointOfInterest,
} from './route-draft-edits';
import type { MapSelection } from './map-selection';
import { RangeField } from './RangeField';
import { SelectField } from './SelectField';
import styles from './studio-controls.module.css';
import textField from './text-field.module.css';

/** The altitude sliders' range and step, metres; their number boxes take whole metres. */
const ALTITUDE_RANGE = { min: 300, max: 1800, step: 5 };
const TIMES_OF_DAY: TimeOfDay[] = ['sunrise', 'midday', 'golden-hour'];

export interface RouteInspectorProps {
  route: Route;
  world: AnySceneWorld;
  selection: MapSelection;
  locale: Locale;
  messages: Messages;
  autoDuration: boolean;
  onAutoDurationChange(auto: boolean): void;
  onSelect(selection: MapSelection): void;
  edit(change: (current: Route) => Route, key?: string | null): void;
  readOnly: boolean;
}

export function RouteInspector(props: RouteInspectorProps) {
  const { route, selection, messages: m, onSelect } = props;
  return (
    <section className={styles.panel} aria-label={m['studio.inspector.title']}>
      <div className={styles.chipRow} role="list" aria-label={m['studio.inspector.keyframes']}>
        <span className={styles.chipLabel}>{m['studio.inspector.keyframes']}</span>
        {route.keyframes.map((_, index) => (
          <button
            key={index}
            type="button"
            role="listitem"
            className={styles.chip}
            data-active={selection?.kind === 'keyframe' && selection.index === index}
            onClick={() => onSelect({ kind: 'keyframe', index })}
            data-testid="keyframe-chip"
          >
            {index + 1}
          </button>
        ))}
      </div>
      <div className={styles.chipRow} role="list" aria-label={m['studio.inspector.sights']}>
        <span className={styles.chipLabel}>{m['studio.inspector.sights']}</span>
        {route.pointsOfInterest.length === 0 && <span className={styles.muted}>{m['studio.inspector.noSights']}</span>}
        {route.pointsOfInterest.map((poi, index) => (
          <button
            key={poi.id}
            type="button"
            role="listitem"
            className={styles.chip}
            data-active={selection?.kind === 'poi' && selection.index === index}
            onClick={() => onSelect({ kind: 'poi', index })}
          >
            ★ {index + 1}
          </button>
        ))}
        <button type="button" className={styles.linkButton} onClick={() => onSelect(null)}>
          {m['studio.inspector.routeSettings']}
        </button>
      </div>
      <fieldset className={styles.fieldset} disabled={props.readOnly}>
        {selection?.kind === 'keyframe' && route.keyframes[selection.index] ? (
          <KeyframeInspector {...props} index={selection.index} />
        ) : selection?.kind === 'poi' && route.pointsOfInterest[selection.index] ? (
          <PoiInspector {...props} index={selection.index} />
        ) : (
          <RouteSettings {...props} />
        )}
      </fieldset>
    </section>
  );
}

function KeyframeInspector({ route, world, index, messages: m, edit, autoDuration, onSelect }: RouteInspectorProps & { index: number }) {
  const keyframe = route.keyframes[index];
  const [x, y, z] = keyframe.position;
  const groundM = Math.round(world.heightAt(x, z));
  const clearanceM = Math.round(world.clearanceAt(keyframe.position));
  const setAltitude = (value: number) => {
    if (Number.isFinite(value))
      edit((current) => setKeyframeAltitude(current, index, Math.round(value), autoDuration), `altitude-${index}`);
  };
  const setLookAtAltitude = (value: number) => {
    if (Number.isFinite(value))
      edit(
        (current) => setKeyframeLookAt(current, index, [keyframe.lookAt[0], Math.round(value), keyframe.lookAt[2]]),
        `look-altitude-${index}`,
      );
  };
  const previous = route.keyframes[index - 1];
  return (
    <div className={styles.inspectorBody} data-testid="keyframe-inspector">
      <h2 className={styles.panelTitle}>
        {formatMessage(m['studio.keyframe.title'], { number: index + 1, count: route.keyframes.length })}
      </h2>
      <p className={styles.muted}>
        {formatMessage(m['studio.keyframe.where'], { time: keyframe.timeS.toFixed(1), ground: groundM, clearance: clearanceM })}
      </p>
      <RangeField
        label={m['studio.keyframe.altitude']}
        {...ALTITUDE_RANGE}
        value={y}
        onChange={setAltitude}
        numberBox={{ testId: 'keyframe-altitude' }}
        unit={m['studio.unit.m']}
        hint={formatMessage(m['studio.keyframe.aboveGround'], { height: Math.round(y - groundM) })}
      />
      <RangeField
        label={m['studio.keyframe.lookAtAltitude']}
        {...ALTITUDE_RANGE}
        value={keyframe.lookAt[1]}
        onChange={setLookAtAltitude}
        numberBox={{}}
        unit={m['studio.unit.m']}
        hint={m['studio.keyframe.lookAtHint']}
      />
      <div className={styles.buttonRow}>
        <button
          type="button"
          className={styles.secondaryButton}
          onClick={() => edit((current) => setKeyframeLookAt(current, index, landmarkTarget(current.landmark, world, y)))}
        >
          {m['studio.keyframe.lookAtLandmark']}
        </button>
        {previous && (
          <button
            type="button"
            className={styles.secondaryButton}
            onClick={() => edit((current) => setKeyframeLookAt(current, index, lookAheadTarget(previous.position, keyframe.position)))}
          >
            {m['studio.keyframe.lookAhead']}
          </button>
        )}
        <button
          type="button"
          className={styles.dangerButton}
          disabled={route.keyframes.length <= MIN_KEYFRAMES}
          title={route.keyframes.length <= MIN_KEYFRAMES ? m['studio.keyframe.minimum'] : undefined}
          onClick={() => {
            edit((current) => removeKeyframe(current, index, autoDuration));
            onSelect(null);
          }}
        >
          {m['studio.keyframe.delete']}
        </button>
      </div>
    </div>
  );
}

/** A bilingual text's two boxes, Chinese first, each named in its own language. */
const TEXT_LANGUAGES = [
  { key: 'zh', lang: 'zh-CN', name: '中文' },
  { key: 'en', lang: 'en', name: 'English' },
] as const;

function TextPair({
  label,
  value,
  onChange,
  multiline,
  testId,
}: {
  label: string;
  value: LocalizedText;
  onChange(next: LocalizedText): void;
  multiline?: boolean;
  testId: string;
}) {
  const Input = multiline ? 'textarea' : 'input';
  return (
    <div className={styles.textPair}>
      <span className={styles.fieldLabel}>{label}</span>
      {TEXT_LANGUAGES.map(({ key, lang, name }) => (
        <label key={key} className={styles.langField}>
          <span lang={lang}>{name}</span>
          <Input
            className={textField.textField}
            lang={lang}
            value={value[key]}
            onChange={(e) => onChange({ ...value, [key]: e.target.value })}
            data-testid={`${testId}-${key}`}
            rows={multiline ? 3 : undefined}
          />
        </label>
      ))}
    </div>
  );
}

function PoiInspector({ route, index, messages: m, edit, onSelect }: RouteInspectorProps & { index: number }) {
  const poi = route.pointsOfInterest[index];
  return (
    <div className={styles.inspectorBody} data-testid="poi-inspector">
      <h2 className={styles.panelTitle}>{formatMessage(m['studio.poi.title'], { number: index + 1 })}</h2>
      <TextPair
        label={m['studio.poi.name']}
        value={poi.title}
        onChange={(title) => edit((c) => updatePointOfInterest(c, index, { title }), `poi-title-${index}`)}
        testId="poi-title"
      />
      <TextPair
        label={m['studio.poi.narration']}
        value={poi.narration}
        multiline
        onChange={(narration) => edit((c) => updatePointOfInterest(c, index, { narration }), `poi-narration-${index}`)}
        testId="poi-narration"
      />
      <RangeField
        label={m['studio.poi.time']}
        min={0}
        max={route.durationS}
        step={0.5}
        value={poi.timeS}
        onChange={(timeS) => edit((c) => updatePointOfInterest(c, index, { timeS }), `poi-time-${index}`)}
        unit={formatMessage(m['studio.unit.seconds'], { value: poi.timeS.toFixed(1) })}
      />
      <RangeField
        label={m['studio.poi.dwell']}
        min={1}
        max={60}
        step={1}
        value={poi.dwellS}
        onChange={(dwellS) => edit((c) => updatePointOfInterest(c, index, { dwellS }), `poi-dwell-${index}`)}
        unit={formatMessage(m['studio.unit.seconds'], { value: poi.dwellS })}
      />
      <div className={styles.buttonRow}>
        <button
          type="button"
          className={styles.dangerButton}
          onClick={() => {
            edit((c) => removePointOfInterest(c, index));
            onSelect(null);
          }}
        >
          {m['studio.poi.delete']}
        </button>
      </div>
    </div>
  );
}

function RouteSettings({ route, locale, messages: m, edit, autoDuration, onAutoDurationChange }: RouteInspectorProps) {
  return (
    <div className={styles.inspectorBody} data-testid="route-settings">
      <h2 className={styles.panelTitle}>{m['studio.inspector.routeSettings']}</h2>
      <TextPair
        label={m['studio.route.title']}
        value={route.title}
        onChange={(title) => edit((c) => ({ ...c, title }), 'route-title')}
        testId="route-title"
      />
      <TextPair
        label={m['studio.route.description']}
        value={route.description}
        multiline
        onChange={(description) => edit((c) => ({ ...c, description }), 'route-description')}
        testId="route-description"
      />
      <SelectField
        label={m['studio.route.landmark']}
        value={route.landmark}
        choices={LANDMARK_IDS.filter((id) => LANDMARKS[id].scene === route.scene).map((id) => ({
          value: id,
          label: LANDMARKS[id].name[locale],
        }))}
        onChange={(landmark) => edit((c) => ({ ...c, landmark }))}
      />
      <SelectField
        label={m['studio.route.timeOfDay']}
        value={route.timeOfDay}
        choices={TIMES_OF_DAY.map((time) => ({ value: time, label: m[`timeOfDay.${time}`] }))}
        onChange={(timeOfDay) => edit((c) => ({ ...c, timeOfDay }))}
      />
      <RangeField
        label={m['studio.route.duration']}
        min={ROUTE_MIN_DURATION_S}
        max={ROUTE_MAX_DURATION_S}
        step={5}
        value={route.durationS}
        disabled={autoDuration}
        onChange={(durationS) => edit((c) => setDuration(c, durationS), 'duration')}
        unit={formatMessage(m['studio.unit.seconds'], { value: route.durationS })}
      />
      <label className={styles.checkField}>
        <input
          type="checkbox"
          checked={autoDuration}
          onChange={(e) => {
            onAutoDurationChange(e.target.checked);
            if (e.target.checked) edit((c) => setDuration(c, autoDurationS(c)));
          }}
        />
        <span>{m['studio.route.autoDuration']}</span>
      </label>
    </div>
  );
}
