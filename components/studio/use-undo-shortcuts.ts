'use client';
// Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y, and ⌘ on a Mac) step the editor's history; text
// fields keep their own undo.
import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { redo, undo, type EditHistory } from './edit-history';

export function useUndoShortcuts<T>(setHistory: Dispatch<SetStateAction<EditHistory<T>>>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') && (target as HTMLInputElement).type !== 'range') return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        setHistory(undo);
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        setHistory(redo);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setHistory]);
}
