'use client';
// The studio's top-down map: shaded relief, pillars, the stream and landmarks, with the
// route drawn over them. Curators click to add keyframes or sights, drag to move them and
// the look-at handle, and zoom and pan with wheel, drag or pinch. Broken places glow red.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Route, Vec3 } from '../../scenes/routes/route-schema';
import type { RouteIssue } from '../../scenes/routes/route-issue';
import { samplePath, type PathSample } from '../../scenes/routes/pose';
import { isTianmenWorld, type AnySceneWorld } from '../../scenes/world/scene-worlds';
import { LANDMARKS } from '../../scenes/world/landmarks';
import type { Locale } from '../i18n/locale';
import { buildReliefImage } from './relief-image';
import { canvasToWorld, fitView, panBy, worldToCanvas, zoomAt, type CanvasSize, type MapView } from './map-view';
import styles from './RouteMap.module.css';

export type MapMode = 'keyframe' | 'poi';

export type MapSelection = { kind: 'keyframe'; index: number } | { kind: 'poi'; index: number } | { kind: 'segment'; index: number } | null;

/** 'move' while the pointer drags, 'end' when it lets go: one drag is one undo step. */
export type DragPhase = 'move' | 'end';

export interface RouteMapProps {
  world: AnySceneWorld;
  route: Route;
  /** False while the route does not parse: the path line is then left out. */
  routeIsValid: boolean;
  issues: readonly RouteIssue[];
  selection: MapSelection;
  mode: MapMode;
  locale: Locale;
  label: string;
  zoomLabels: { zoomIn: string; zoomOut: string; fit: string };
  /** Where the preview camera is, drawn as a marker. */
  playhead: Vec3 | null;
  onSelect(selection: MapSelection): void;
  onAddKeyframe(x: number, z: number): void;
  onMoveKeyframe(index: number, x: number, z: number, phase: DragPhase): void;
  onMoveLookAt(index: number, x: number, z: number, phase: DragPhase): void;
  onAddPoi(x: number, z: number): void;
  onMovePoi(index: number, x: number, z: number, phase: DragPhase): void;
}

const RELIEF_SIZE_PX = 512;
const HANDLE_HIT_PX = 14;
const CLICK_SLOP_PX = 5;

type DragTarget =
  | { kind: 'keyframe' | 'lookAt' | 'poi'; index: number }
  | { kind: 'pan'; lastX: number; lastY: number }
  | { kind: 'pinch' };

interface PointerState {
  startX: number;
  startY: number;
  x: number;
  y: number;
}

const COLOURS = {
  path: 'rgba(248, 236, 204, 0.95)',
  pathShadow: 'rgba(8, 17, 14, 0.7)',
  error: '#ff5a4f',
  warning: '#f2b84b',
  keyframe: '#f6e3b4',
  keyframeText: '#08110e',
  selected: '#ffffff',
  lookAt: '#8fd3ff',
  poi: '#9fe0b5',
  stream: 'rgba(120, 190, 230, 0.85)',
  landmark: '#fff6dc',
};

export function RouteMap(props: RouteMapProps) {
  const { world, route, routeIsValid, issues, selection, mode, locale, label, playhead, zoomLabels: labels } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<CanvasSize>({ widthPx: 0, heightPx: 0 });
  const [view, setView] = useState<MapView | null>(null);
  const pointers = useRef(new Map<number, PointerState>());
  const drag = useRef<DragTarget | null>(null);
  const pinchStart = useRef<{ distancePx: number; view: MapView; midX: number; midY: number } | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  const relief = useMemo(() => {
    if (typeof document === 'undefined') return null;
    const image = buildReliefImage(world.heightAt, world.halfExtentM, RELIEF_SIZE_PX);
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = image.sizePx;
    canvas.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(image.pixels), image.sizePx, image.sizePx), 0, 0);
    return canvas;
  }, [world]);

  const streamPoints = useMemo(() => (isTianmenWorld(world) ? [] : world.stream.sample(40)), [world]);

  const samples = useMemo<PathSample[]>(() => {
    if (!routeIsValid) return [];
    try {
      return samplePath(route, Math.max(0.25, route.durationS / 600));
    } catch {
      return [];
    }
  }, [route, routeIsValid]);

  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const observer = new ResizeObserver(([entry]) => {
      const next = { widthPx: Math.round(entry.contentRect.width), heightPx: Math.round(entry.contentRect.height) };
      setSize(next);
      setView((current) => {
        if (current !== null || next.widthPx === 0) return current;
        // Open on the route itself: its keyframes with room around them.
        const xs = route.keyframes.map((k) => k.position[0]);
        const zs = route.keyframes.map((k) => k.position[2]);
        const spanM = Math.max(900, Math.max(...xs) - Math.min(...xs), Math.max(...zs) - Math.min(...zs)) * 1.6;
        const fitted = fitView(next, spanM / 2, (Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...zs) + Math.min(...zs)) / 2);
        return fitted;
      });
    });
    observer.observe(wrapper);
    return () => observer.disconnect();
    // The first fit uses the route as it opened; later edits must not move the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const issueStyle = useMemo(() => {
    const keyframes = new Map<number, 'error' | 'warning'>();
    const segments = new Map<number, 'error' | 'warning'>();
    const pois = new Map<number, 'error' | 'warning'>();
    const mark = (map: Map<number, 'error' | 'warning'>, index: number | undefined, severity: 'error' | 'warning') => {
      if (index === undefined) return;
      if (map.get(index) !== 'error') map.set(index, severity);
    };
    for (const issue of issues) {
      if (issue.segmentIndex !== undefined) mark(segments, issue.segmentIndex, issue.severity);
      else mark(keyframes, issue.keyframeIndex, issue.severity);
      mark(pois, issue.pointOfInterestIndex, issue.severity);
    }
    return { keyframes, segments, pois };
  }, [issues]);

  // Drawing: everything from scratch on each change; a few thousand shapes is cheap.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !view || size.widthPx === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.widthPx * dpr);
    canvas.height = Math.round(size.heightPx * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#0c1713';
    ctx.fillRect(0, 0, size.widthPx, size.heightPx);
    const toCanvas = (x: number, z: number) => worldToCanvas(view, size, x, z);
    const half = world.halfExtentM;
    if (relief) {
      const [left, top] = toCanvas(-half, -half);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(relief, left, top, 2 * half * view.pxPerM, 2 * half * view.pxPerM);
    }

    // The stream.
    ctx.beginPath();
    streamPoints.forEach(([x, z], i) => {
      const [px, py] = toCanvas(x, z);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    });
    ctx.strokeStyle = COLOURS.stream;
    ctx.lineWidth = Math.max(1.5, 14 * view.pxPerM);
    ctx.stroke();

    // Pillars: their footprint, lighter the taller they stand.
    for (const pillar of isTianmenWorld(world) ? [] : world.pillars) {
      const [px, py] = toCanvas(pillar.x, pillar.z);
      const rx = Math.max(1.2, pillar.radiusXM * view.pxPerM);
      const rz = Math.max(1.2, pillar.radiusZM * view.pxPerM);
      if (px < -rx || py < -rz || px > size.widthPx + rx || py > size.heightPx + rz) continue;
      const tall = Math.min(1, Math.max(0, (pillar.topY - pillar.baseY - 120) / 260));
      ctx.beginPath();
      ctx.ellipse(px, py, rx, rz, pillar.rotationY, 0, Math.PI * 2);
      ctx.fillStyle = `rgb(${Math.round(150 + 80 * tall)}, ${Math.round(120 + 60 * tall)}, ${Math.round(84 + 40 * tall)})`;
      ctx.fill();
      if (rx > 3) {
        ctx.strokeStyle = 'rgba(20, 14, 8, 0.75)';
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    }

    // Landmarks, labelled in the curator's language.
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (const landmark of Object.values(LANDMARKS).filter((l) => l.scene === route.scene)) {
      const [px, py] = toCanvas(landmark.x, landmark.z);
      ctx.beginPath();
      ctx.arc(px, py, 4, 0, Math.PI * 2);
      ctx.fillStyle = COLOURS.landmark;
      ctx.fill();
      const text = landmark.name[locale];
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(8, 17, 14, 0.85)';
      ctx.strokeText(text, px + 8, py - 10);
      ctx.fillText(text, px + 8, py - 10);
    }

    // The flown path, each stretch coloured by the worst issue on its segment.
    if (samples.length > 1) {
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.beginPath();
      samples.forEach((s, i) => {
        const [px, py] = toCanvas(s.position[0], s.position[2]);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.strokeStyle = COLOURS.pathShadow;
      ctx.lineWidth = 6;
      ctx.stroke();
      for (let i = 1; i < samples.length; i++) {
        const severity = issueStyle.segments.get(samples[i].segmentIndex);
        const selectedSegment = selection?.kind === 'segment' && selection.index === samples[i].segmentIndex;
        const [ax, ay] = toCanvas(samples[i - 1].position[0], samples[i - 1].position[2]);
        const [bx, by] = toCanvas(samples[i].position[0], samples[i].position[2]);
        ctx.beginPath();
        ctx.moveTo(ax, ay);
        ctx.lineTo(bx, by);
        ctx.strokeStyle = severity === 'error' ? COLOURS.error : severity === 'warning' ? COLOURS.warning : COLOURS.path;
        ctx.lineWidth = severity ? (selectedSegment ? 7 : 5) : 2.5;
        ctx.stroke();
      }
    }

    // The selected keyframe's look-at line and handle.
    if (selection?.kind === 'keyframe' && route.keyframes[selection.index]) {
      const k = route.keyframes[selection.index];
      const [ax, ay] = toCanvas(k.position[0], k.position[2]);
      const [bx, by] = toCanvas(k.lookAt[0], k.lookAt[2]);
      ctx.setLineDash([6, 5]);
      ctx.beginPath();
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
      ctx.strokeStyle = COLOURS.lookAt;
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(bx, by - 9);
      ctx.lineTo(bx + 9, by);
      ctx.lineTo(bx, by + 9);
      ctx.lineTo(bx - 9, by);
      ctx.closePath();
      ctx.fillStyle = COLOURS.lookAt;
      ctx.fill();
      ctx.strokeStyle = '#08110e';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }

    // Points of interest.
    route.pointsOfInterest.forEach((poi, index) => {
      const [px, py] = toCanvas(poi.position[0], poi.position[2]);
      const selected = selection?.kind === 'poi' && selection.index === index;
      const severity = issueStyle.pois.get(index);
      drawStar(ctx, px, py, selected ? 11 : 9);
      ctx.fillStyle = severity === 'error' ? COLOURS.error : COLOURS.poi;
      ctx.fill();
      ctx.strokeStyle = selected ? COLOURS.selected : '#08110e';
      ctx.lineWidth = selected ? 2.5 : 1.5;
      ctx.stroke();
      const title = poi.title[locale] || poi.id;
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(8, 17, 14, 0.85)';
      ctx.strokeText(title, px + 12, py + 1);
      ctx.fillStyle = COLOURS.poi;
      ctx.fillText(title, px + 12, py + 1);
    });

    // Keyframes, numbered as the issues name them.
    route.keyframes.forEach((k, index) => {
      const [px, py] = toCanvas(k.position[0], k.position[2]);
      const selected = selection?.kind === 'keyframe' && selection.index === index;
      const severity = issueStyle.keyframes.get(index);
      if (severity) {
        ctx.beginPath();
        ctx.arc(px, py, 17, 0, Math.PI * 2);
        ctx.fillStyle = severity === 'error' ? 'rgba(255, 90, 79, 0.35)' : 'rgba(242, 184, 75, 0.3)';
        ctx.fill();
        ctx.strokeStyle = severity === 'error' ? COLOURS.error : COLOURS.warning;
        ctx.lineWidth = 2.5;
        ctx.stroke();
      }
      ctx.beginPath();
      ctx.arc(px, py, selected ? 12 : 10, 0, Math.PI * 2);
      ctx.fillStyle = COLOURS.keyframe;
      ctx.fill();
      ctx.strokeStyle = selected ? COLOURS.selected : '#08110e';
      ctx.lineWidth = selected ? 3 : 1.5;
      ctx.stroke();
      ctx.fillStyle = COLOURS.keyframeText;
      ctx.font = '700 11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText(String(index + 1), px, py + 0.5);
      ctx.textAlign = 'start';
    });

    if (playhead) {
      const [px, py] = toCanvas(playhead[0], playhead[2]);
      ctx.beginPath();
      ctx.arc(px, py, 6, 0, Math.PI * 2);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.strokeStyle = '#1d6fd8';
      ctx.lineWidth = 3;
      ctx.stroke();
    }
  }, [view, size, relief, world, route, samples, issueStyle, selection, locale, playhead, streamPoints]);

  const hitTest = useCallback(
    (px: number, py: number): DragTarget | null => {
      if (!view) return null;
      const near = (x: number, z: number) => {
        const [hx, hy] = worldToCanvas(view, size, x, z);
        return Math.hypot(hx - px, hy - py) <= HANDLE_HIT_PX;
      };
      if (selection?.kind === 'keyframe') {
        const k = route.keyframes[selection.index];
        if (k && near(k.lookAt[0], k.lookAt[2])) return { kind: 'lookAt', index: selection.index };
      }
      for (let i = route.keyframes.length - 1; i >= 0; i--) {
        if (near(route.keyframes[i].position[0], route.keyframes[i].position[2])) return { kind: 'keyframe', index: i };
      }
      for (let i = route.pointsOfInterest.length - 1; i >= 0; i--) {
        if (near(route.pointsOfInterest[i].position[0], route.pointsOfInterest[i].position[2])) return { kind: 'poi', index: i };
      }
      return null;
    },
    [view, size, selection, route],
  );

  const localPoint = (event: { clientX: number; clientY: number }): [number, number] => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  };

  const moveTarget = (target: DragTarget, px: number, py: number, phase: DragPhase) => {
    if (!view || target.kind === 'pan' || target.kind === 'pinch') return;
    const [x, z] = canvasToWorld(view, size, px, py);
    const half = world.halfExtentM;
    const cx = Math.max(-half, Math.min(half, x));
    const cz = Math.max(-half, Math.min(half, z));
    if (target.kind === 'keyframe') callbacks.current.onMoveKeyframe(target.index, cx, cz, phase);
    else if (target.kind === 'lookAt') callbacks.current.onMoveLookAt(target.index, cx, cz, phase);
    else callbacks.current.onMovePoi(target.index, cx, cz, phase);
  };

  function onPointerDown(event: React.PointerEvent<HTMLCanvasElement>) {
    const [px, py] = localPoint(event);
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { startX: px, startY: py, x: px, y: py });
    if (pointers.current.size === 2 && view) {
      const [a, b] = [...pointers.current.values()];
      drag.current = { kind: 'pinch' };
      pinchStart.current = { distancePx: Math.hypot(a.x - b.x, a.y - b.y), view, midX: (a.x + b.x) / 2, midY: (a.y + b.y) / 2 };
      return;
    }
    const hit = hitTest(px, py);
    drag.current = hit ?? { kind: 'pan', lastX: px, lastY: py };
    if (hit?.kind === 'keyframe') callbacks.current.onSelect({ kind: 'keyframe', index: hit.index });
    if (hit?.kind === 'poi') callbacks.current.onSelect({ kind: 'poi', index: hit.index });
  }

  function onPointerMove(event: React.PointerEvent<HTMLCanvasElement>) {
    const pointer = pointers.current.get(event.pointerId);
    if (!pointer) {
      const [px, py] = localPoint(event);
      const hit = hitTest(px, py);
      event.currentTarget.style.cursor = hit ? 'grab' : mode === 'keyframe' || mode === 'poi' ? 'crosshair' : 'default';
      return;
    }
    const [px, py] = localPoint(event);
    pointer.x = px;
    pointer.y = py;
    const target = drag.current;
    if (!target || !view) return;
    if (target.kind === 'pinch' && pinchStart.current) {
      const [a, b] = [...pointers.current.values()];
      if (!a || !b) return;
      const start = pinchStart.current;
      const factor = Math.hypot(a.x - b.x, a.y - b.y) / Math.max(1, start.distancePx);
      const zoomed = zoomAt(start.view, size, start.midX, start.midY, factor);
      setView(panBy(zoomed, (a.x + b.x) / 2 - start.midX, (a.y + b.y) / 2 - start.midY));
      return;
    }
    const moved = Math.hypot(px - pointer.startX, py - pointer.startY) > CLICK_SLOP_PX;
    if (!moved) return;
    if (target.kind === 'pan') {
      setView(panBy(view, px - target.lastX, py - target.lastY));
      target.lastX = px;
      target.lastY = py;
      return;
    }
    moveTarget(target, px, py, 'move');
  }

  function onPointerUp(event: React.PointerEvent<HTMLCanvasElement>) {
    const pointer = pointers.current.get(event.pointerId);
    pointers.current.delete(event.pointerId);
    const target = drag.current;
    if (!pointer || !target) return;
    if (target.kind === 'pinch') {
      if (pointers.current.size === 0) drag.current = null;
      return;
    }
    drag.current = null;
    const [px, py] = localPoint(event);
    const moved = Math.hypot(px - pointer.startX, py - pointer.startY) > CLICK_SLOP_PX;
    // A click (not a drag) on the look-at handle adds, as on open map: the handle often
    // sits right where a curator flying straight on clicks next.
    if (target.kind === 'pan' || (target.kind === 'lookAt' && !moved)) {
      if (moved || !view || event.type === 'pointercancel') return;
      const [x, z] = canvasToWorld(view, size, px, py);
      if (Math.max(Math.abs(x), Math.abs(z)) > world.halfExtentM) return;
      if (mode === 'keyframe') callbacks.current.onAddKeyframe(x, z);
      else callbacks.current.onAddPoi(x, z);
      return;
    }
    if (moved) moveTarget(target, px, py, 'end');
  }

  function onWheel(event: React.WheelEvent<HTMLCanvasElement>) {
    if (!view) return;
    const [px, py] = localPoint(event);
    setView(zoomAt(view, size, px, py, Math.exp(-event.deltaY * 0.0015)));
  }

  // React's wheel listener is passive; the page must not scroll while the map zooms.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const stop = (event: WheelEvent) => event.preventDefault();
    canvas.addEventListener('wheel', stop, { passive: false });
    return () => canvas.removeEventListener('wheel', stop);
  }, []);

  const zoomBy = (factor: number) => view && setView(zoomAt(view, size, size.widthPx / 2, size.heightPx / 2, factor));

  return (
    <div ref={wrapperRef} className={styles.wrapper}>
      <canvas
        ref={canvasRef}
        className={styles.canvas}
        role="application"
        aria-label={label}
        data-testid="studio-map"
        data-center-x={view?.centerX}
        data-center-z={view?.centerZ}
        data-px-per-m={view?.pxPerM}
        style={{ width: size.widthPx, height: size.heightPx }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onWheel={onWheel}
      />
      <div className={styles.zoom}>
        <button type="button" onClick={() => zoomBy(1.5)} aria-label={labels.zoomIn} title={labels.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label={labels.zoomOut} title={labels.zoomOut}>
          −
        </button>
        <button type="button" onClick={() => setView(fitView(size, world.halfExtentM))} aria-label={labels.fit} title={labels.fit}>
          ⤢
        </button>
      </div>
    </div>
  );
}

function drawStar(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? radius : radius * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const px = x + r * Math.cos(angle);
    const py = y + r * Math.sin(angle);
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}
