'use client';
// The cloud bake's progress as it moves: starts from the page's reading and, while a bake is
// pending (by that reading, or by a stream's "not baked" reply), asks the page server again (GET /api/routes/:id/cloud) with
// the backoff of cloud-readiness-poll, pausing while the tab is hidden. Returns the latest
// reading; once it says 'ready' the player may hand the flight to the cloud.
import { useEffect, useRef, useState } from 'react';
import type { CloudReadiness } from '@/server/bake/cloud-readiness';
import { bakeWorthFollowing, nextPollDelayMs, POLL_BASE_MS, readinessMoved, type PollOutcome } from './cloud-readiness-poll';

export interface LiveCloudReadinessOptions {
  routeId: string;
  revision: number;
  /** What the page read when it was rendered. */
  initial: CloudReadiness | null;
  /** A render server is configured: there is a cloud picture to wait for. */
  enabled: boolean;
  /** A stream answered "not baked" (queued or baking) while the reading knew of no bake. */
  streamSaysBaking: boolean;
}

async function askReadiness(routeId: string, revision: number, signal: AbortSignal): Promise<CloudReadiness> {
  const response = await fetch(`/api/routes/${encodeURIComponent(routeId)}/cloud?revision=${revision}`, { signal, cache: 'no-store' });
  if (!response.ok) throw new Error(`cloud readiness: HTTP ${response.status}`);
  // Loaded at the first question, not with the page: the schema brings zod (cloud-readiness-reply.ts).
  const { CloudReadinessReplySchema } = await import('./cloud-readiness-reply');
  return CloudReadinessReplySchema.parse(await response.json()).readiness;
}

export function useLiveCloudReadiness({
  routeId,
  revision,
  initial,
  enabled,
  streamSaysBaking,
}: LiveCloudReadinessOptions): CloudReadiness | null {
  const [readiness, setReadiness] = useState<CloudReadiness | null>(initial);
  // Once the bake has landed (or failed for good) there is nothing more to follow.
  const watching = enabled && bakeWorthFollowing(readiness, streamSaysBaking);
  const latest = useRef(readiness);
  useEffect(() => {
    latest.current = readiness;
  }, [readiness]);

  useEffect(() => {
    if (!watching) return;
    const abort = new AbortController();
    let timer: number | undefined;
    let delayMs = POLL_BASE_MS;
    const schedule = () => {
      window.clearTimeout(timer);
      // A hidden tab asks nothing; it asks at once when the visitor comes back.
      if (document.visibilityState === 'hidden') return;
      timer = window.setTimeout(() => void ask(), delayMs);
    };
    const ask = async () => {
      let outcome: PollOutcome;
      try {
        const next = await askReadiness(routeId, revision, abort.signal);
        if (abort.signal.aborted) return;
        outcome = readinessMoved(latest.current, next) ? 'moved' : 'still';
        if (outcome === 'moved') {
          latest.current = next;
          setReadiness(next);
        }
      } catch {
        if (abort.signal.aborted) return;
        outcome = 'failed';
      }
      delayMs = nextPollDelayMs(delayMs, outcome);
      schedule();
    };
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return;
      window.clearTimeout(timer);
      void ask();
    };
    document.addEventListener('visibilitychange', onVisibility);
    schedule();
    return () => {
      abort.abort();
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [routeId, revision, watching]);

  return readiness;
}
