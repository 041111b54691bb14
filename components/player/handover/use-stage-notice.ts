'use client';
// The notice after a handover, shown for a few seconds. Each announcement gets its own id, so
// the same notice twice in a row is shown afresh (the player keys its element by it).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StageNotice } from './stage-notice';

const NOTICE_SHOWN_MS = 5000;

export interface ShownNotice {
  kind: StageNotice;
  id: number;
}

export function useStageNotice(): { notice: ShownNotice | null; announce: (kind: StageNotice) => void } {
  const [notice, setNotice] = useState<ShownNotice | null>(null);
  const serial = useRef(0);
  const announce = useCallback((kind: StageNotice) => setNotice({ kind, id: ++serial.current }), []);
  // The notice says its piece, then goes.
  useEffect(() => {
    if (notice === null) return;
    const timer = window.setTimeout(() => setNotice(null), NOTICE_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  return { notice, announce };
}
