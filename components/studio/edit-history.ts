// Undo and redo for the route being edited: a stack of whole routes (routes are small),
// where a run of edits with the same key (one drag, one typed field) counts as one step.
export interface EditHistory<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** Key of the edit that made `present`, and when; a following edit with the same key within the window merges. */
  lastKey: string | null;
  lastAtMs: number;
}

export const MERGE_WINDOW_MS = 1200;
export const MAX_UNDO_STEPS = 200;

export function startHistory<T>(present: T): EditHistory<T> {
  return { past: [], present, future: [], lastKey: null, lastAtMs: 0 };
}

/**
 * `gesture`: the edit is part of a drag, which closeStep ends at the drop. Its moves merge however far apart they
 * come: on a busy machine (a preview drawing on the CPU) one drag's moves can arrive seconds apart, and a drag
 * must still undo in one step. Other edits with the same key (a typed field) merge within the window.
 */
export function recordEdit<T>(history: EditHistory<T>, next: T, key: string | null, atMs: number, gesture = false): EditHistory<T> {
  if (Object.is(next, history.present)) return history;
  const merges = key !== null && key === history.lastKey && (gesture || atMs - history.lastAtMs <= MERGE_WINDOW_MS);
  const past = merges ? history.past : [...history.past, history.present].slice(-MAX_UNDO_STEPS);
  return { past, present: next, future: [], lastKey: key, lastAtMs: atMs };
}

/** Ends the current step: the next edit starts a new one even with the same key (a drag let go). */
export function closeStep<T>(history: EditHistory<T>): EditHistory<T> {
  return history.lastKey === null ? history : { ...history, lastKey: null, lastAtMs: 0 };
}

export function undo<T>(history: EditHistory<T>): EditHistory<T> {
  if (history.past.length === 0) return history;
  const previous = history.past[history.past.length - 1];
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastKey: null, lastAtMs: 0 };
}

export function redo<T>(history: EditHistory<T>): EditHistory<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next, future: rest, lastKey: null, lastAtMs: 0 };
}
