// Draws the studio map onto a 2D canvas, layer by layer from the ground up: relief, the
// stream, pillars, landmarks, the flown path, the look-at handle, sights, keyframes and
// the preview camera. Everything is redrawn on each change; a few thousand shapes is cheap.
import type { Route, Vec3 } from '@/scenes/routes/route-schema';
import type { PathSample } from '@/scenes/routes/pose';
import { isTianmenWorld, type AnySceneWorld } from '@/scenes/world/scene-worlds';
import { LANDMARKS } from '@/scenes/world/landmarks';
import type { Locale } from '../i18n/locale';
import { worldToCanvas, type CanvasSize, type MapView } from './map-view';
import type { IssueMarks } from './route-map-issue-marks';
import type { MapSelection } from './map-selection';

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

export interface RouteMapScene {
  view: MapView;
  size: CanvasSize;
  world: AnySceneWorld;
  /** The shaded relief, already drawn at its own resolution; null where there is no document. */
  relief: HTMLCanvasElement | null;
  /** The stream's course as [x, z] points (none in a world without one). */
  streamPoints: readonly (readonly [number, number])[];
  route: Route;
  samples: readonly PathSample[];
  marks: IssueMarks;
  selection: MapSelection;
  locale: Locale;
  playhead: Vec3 | null;
}

type ToCanvas = (x: number, z: number) => [number, number];

export function drawRouteMap(ctx: CanvasRenderingContext2D, scene: RouteMapScene): void {
  const { view, size } = scene;
  ctx.fillStyle = '#0c1713';
  ctx.fillRect(0, 0, size.widthPx, size.heightPx);
  const toCanvas: ToCanvas = (x, z) => worldToCanvas(view, size, x, z);
  // Layers share the context's state (fonts, line caps) as they are set along the way.
  drawRelief(ctx, scene, toCanvas);
  drawStream(ctx, scene, toCanvas);
  drawPillars(ctx, scene, toCanvas);
  drawLandmarks(ctx, scene, toCanvas);
  drawPath(ctx, scene, toCanvas);
  drawLookAtHandle(ctx, scene, toCanvas);
  drawPointsOfInterest(ctx, scene, toCanvas);
  drawKeyframes(ctx, scene, toCanvas);
  drawPlayhead(ctx, scene, toCanvas);
}

function drawRelief(ctx: CanvasRenderingContext2D, { relief, world, view }: RouteMapScene, toCanvas: ToCanvas): void {
  if (!relief) return;
  const half = world.halfExtentM;
  const [left, top] = toCanvas(-half, -half);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(relief, left, top, 2 * half * view.pxPerM, 2 * half * view.pxPerM);
}

function tracePolyline(ctx: CanvasRenderingContext2D, points: readonly (readonly [number, number])[], toCanvas: ToCanvas): void {
  ctx.beginPath();
  points.forEach(([x, z], i) => {
    const [px, py] = toCanvas(x, z);
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  });
}

function drawStream(ctx: CanvasRenderingContext2D, { streamPoints, view }: RouteMapScene, toCanvas: ToCanvas): void {
  tracePolyline(ctx, streamPoints, toCanvas);
  ctx.strokeStyle = COLOURS.stream;
  ctx.lineWidth = Math.max(1.5, 14 * view.pxPerM);
  ctx.stroke();
}

/** Pillars: their footprint, lighter the taller they stand. */
function drawPillars(ctx: CanvasRenderingContext2D, { world, view, size }: RouteMapScene, toCanvas: ToCanvas): void {
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
}

/** Landmarks, labelled in the curator's language. */
function drawLandmarks(ctx: CanvasRenderingContext2D, { route, locale }: RouteMapScene, toCanvas: ToCanvas): void {
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
}

/** The flown path, each stretch coloured by the worst issue on its segment. */
function drawPath(ctx: CanvasRenderingContext2D, { samples, marks, selection }: RouteMapScene, toCanvas: ToCanvas): void {
  if (samples.length <= 1) return;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  tracePolyline(
    ctx,
    samples.map((s) => [s.position[0], s.position[2]] as const),
    toCanvas,
  );
  ctx.strokeStyle = COLOURS.pathShadow;
  ctx.lineWidth = 6;
  ctx.stroke();
  for (let i = 1; i < samples.length; i++) {
    const severity = marks.segments.get(samples[i].segmentIndex);
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

/** The selected keyframe's look-at line and its diamond handle. */
function drawLookAtHandle(ctx: CanvasRenderingContext2D, { selection, route }: RouteMapScene, toCanvas: ToCanvas): void {
  if (selection?.kind !== 'keyframe' || !route.keyframes[selection.index]) return;
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

function drawPointsOfInterest(ctx: CanvasRenderingContext2D, { route, selection, marks, locale }: RouteMapScene, toCanvas: ToCanvas): void {
  route.pointsOfInterest.forEach((poi, index) => {
    const [px, py] = toCanvas(poi.position[0], poi.position[2]);
    const selected = selection?.kind === 'poi' && selection.index === index;
    const severity = marks.pois.get(index);
    traceStar(ctx, px, py, selected ? 11 : 9);
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
}

/** Keyframes, numbered as the issues name them. */
function drawKeyframes(ctx: CanvasRenderingContext2D, { route, selection, marks }: RouteMapScene, toCanvas: ToCanvas): void {
  route.keyframes.forEach((k, index) => {
    const [px, py] = toCanvas(k.position[0], k.position[2]);
    const selected = selection?.kind === 'keyframe' && selection.index === index;
    const severity = marks.keyframes.get(index);
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
}

/** Where the preview camera is. */
function drawPlayhead(ctx: CanvasRenderingContext2D, { playhead }: RouteMapScene, toCanvas: ToCanvas): void {
  if (!playhead) return;
  const [px, py] = toCanvas(playhead[0], playhead[2]);
  ctx.beginPath();
  ctx.arc(px, py, 6, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = '#1d6fd8';
  ctx.lineWidth = 3;
  ctx.stroke();
}

function traceStar(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number): void {
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
