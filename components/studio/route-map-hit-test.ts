// Which handle on the studio map a pointer is over: the selected keyframe's look-at
// handle first, then keyframes and sights, topmost (last drawn) first. Pure.
import type { Route } from '@/scenes/routes/route-schema';
import { worldToCanvas, type CanvasSize, type MapView } from './map-view';
import type { MapSelection } from './map-selection';

/** How near (CSS pixels) a pointer must be to a handle to grab it. */
export const HANDLE_HIT_PX = 14;

export type MapHandle = { kind: 'keyframe' | 'lookAt' | 'poi'; index: number };

export function handleAt(view: MapView, size: CanvasSize, route: Route, selection: MapSelection, px: number, py: number): MapHandle | null {
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
}
