// What the studio map and the inspectors agree on: what is selected, what a click on
// open map adds, and the phases of a drag.
export type MapMode = 'keyframe' | 'poi';

export type MapSelection = { kind: 'keyframe'; index: number } | { kind: 'poi'; index: number } | { kind: 'segment'; index: number } | null;

/** 'move' while the pointer drags, 'end' when it lets go: one drag is one undo step. */
export type DragPhase = 'move' | 'end';
