'use client';
// What the studio map's clicks and drags do to the draft: add a keyframe or a sight and
// select it, move a keyframe, its look-at target or a sight. One drag is one undo step:
// its moves and its drop share a key, and the drop closes the step.
import { useCallback } from 'react';
import type { Route, Vec3 } from '@/scenes/routes/route-schema';
import {
  addPointOfInterest,
  appendKeyframe,
  NEW_POI_TEXT,
  movePointOfInterest,
  moveKeyframe,
  setKeyframeLookAt,
  type EditWorld,
} from './route-draft-edits';
import type { DragPhase, MapSelection } from './map-selection';

/** Applies `change` to the draft; `dragPhase`: part of a drag, one undo step however slow, closed by its 'end'. */
export type DraftEdit = (change: (current: Route) => Route, key?: string | null, dragPhase?: DragPhase) => void;

export interface MapEditHandlers {
  onAddKeyframe(x: number, z: number): void;
  onAddPoi(x: number, z: number): void;
  onMoveKeyframe(index: number, x: number, z: number, phase: DragPhase): void;
  onMoveLookAt(index: number, x: number, z: number, phase: DragPhase): void;
  onMovePoi(index: number, x: number, z: number, phase: DragPhase): void;
}

export function useMapEdits(
  route: Route,
  world: EditWorld,
  autoDuration: boolean,
  edit: DraftEdit,
  setSelection: (selection: MapSelection) => void,
): MapEditHandlers {
  const onAddKeyframe = useCallback(
    (x: number, z: number) => {
      edit((current) => appendKeyframe(current, x, z, world, autoDuration));
      setSelection({ kind: 'keyframe', index: route.keyframes.length });
    },
    [edit, world, autoDuration, route.keyframes.length, setSelection],
  );
  const onAddPoi = useCallback(
    (x: number, z: number) => {
      edit((current) => addPointOfInterest(current, x, z, world, NEW_POI_TEXT));
      setSelection({ kind: 'poi', index: route.pointsOfInterest.length });
    },
    [edit, world, route.pointsOfInterest.length, setSelection],
  );
  const onMoveKeyframe = useCallback(
    (index: number, x: number, z: number, phase: DragPhase) =>
      edit(
        (current) => {
          const [kx, , kz] = current.keyframes[index].position;
          // The drop lands where the last move left it: a drag held still past the merge window adds no empty step.
          return kx === Math.round(x) && kz === Math.round(z) ? current : moveKeyframe(current, index, x, z, autoDuration);
        },
        `move-keyframe-${index}`,
        phase,
      ),
    [edit, autoDuration],
  );
  const onMoveLookAt = useCallback(
    (index: number, x: number, z: number, phase: DragPhase) =>
      edit(
        (current) => {
          const k = current.keyframes[index];
          const lookAt: Vec3 = [Math.round(x), k.lookAt[1], Math.round(z)];
          return setKeyframeLookAt(current, index, lookAt);
        },
        `look-at-${index}`,
        phase,
      ),
    [edit],
  );
  const onMovePoi = useCallback(
    (index: number, x: number, z: number, phase: DragPhase) =>
      edit((current) => movePointOfInterest(current, index, x, z, world), `move-poi-${index}`, phase),
    [edit, world],
  );
  return { onAddKeyframe, onAddPoi, onMoveKeyframe, onMoveLookAt, onMovePoi };
}
