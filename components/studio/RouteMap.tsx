'use client';
// The studio's top-down map: shaded relief, pillars, the stream and landmarks, with the
// route drawn over them. Curators click to add keyframes or sights, drag to move them and
// the look-at handle, and zoom and pan with wheel, drag or pinch. Broken places glow red.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Route, Vec3 } from '@/scenes/routes/route-schema';
import type { RouteIssue } from '@/scenes/routes/route-issue';
import { samplePath, type PathSample } from '@/scenes/routes/pose';
import { isTianmenWorld, type AnySceneWorld } from '@/scenes/world/scene-worlds';
import type { Locale } from '../i18n/locale';
import { buildReliefImage } from './relief-image';
import { canvasToWorld, fitView, panBy, zoomAt, type CanvasSize, type MapView } from './map-view';
import type { DragPhase, MapMode, MapSelection } from './map-selection';
import { issueMarks } from './route-map-issue-marks';
import { handleAt, type MapHandle } from './route-map-hit-test';
import { drawRouteMap } from './route-map-drawing';
import styles from './RouteMap.module.css';

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
const CLICK_SLOP_PX = 5;

type DragTarget = MapHandle | { kind: 'pan'; lastX: number; lastY: number } | { kind: 'pinch' };

interface PointerState {
  startX: number;
  startY: number;
  x: number;
  y: number;
}

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

  const marks = useMemo(() => issueMarks(issues), [issues]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !view || size.widthPx === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.widthPx * dpr);
    canvas.height = Math.round(size.heightPx * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawRouteMap(ctx, { view, size, world, relief, streamPoints, route, samples, marks, selection, locale, playhead });
  }, [view, size, relief, world, route, samples, marks, selection, locale, playhead, streamPoints]);

  const hitTest = useCallback(
    (px: number, py: number): MapHandle | null => (view ? handleAt(view, size, route, selection, px, py) : null),
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
