// Keeping the page's reading of the cloud bake live while the visitor watches: how long to
// wait before asking again (soon while the bake moves, backing off while it stands still or
// the server does not answer), and what the player makes of a reading. Pure and free of zod
// (the tour's first load imports it): the reply's schema is cloud-readiness-reply.ts, and
// use-live-cloud-readiness does the I/O.
import type { CloudReadiness } from '@/server/render-api/render-api-contract';
import type { BakeProgressSummary } from './bake-progress';

/** A bake moves a segment (a second of flight) every few seconds on a busy machine: ask about as often. */
export const POLL_BASE_MS = 3_000;
/** A bake standing still (queued behind others) is asked about less and less often, down to this. */
export const POLL_STILL_MAX_MS = 20_000;
/** An unreachable page server is asked again ever more slowly, down to this. */
export const POLL_FAILED_MAX_MS = 60_000;

export type PollOutcome = 'moved' | 'still' | 'failed';

/** The wait before the next question, from the last wait and what the last answer showed. */
export function nextPollDelayMs(previousMs: number, outcome: PollOutcome): number {
  if (outcome === 'moved') return POLL_BASE_MS;
  if (outcome === 'still') return Math.min(POLL_STILL_MAX_MS, Math.round(Math.max(POLL_BASE_MS, previousMs) * 1.5));
  return Math.min(POLL_FAILED_MAX_MS, Math.max(POLL_BASE_MS, previousMs) * 2);
}

/** Whether two readings differ in anything the visitor sees (state or percent). */
export function readinessMoved(before: CloudReadiness | null, after: CloudReadiness): boolean {
  if (before === null || before.state !== after.state) return true;
  return before.state === 'baking' && after.state === 'baking' && before.percent !== after.percent;
}

/**
 * Whether the cloud picture is still to come and worth following. A bake under way is; a job
 * only queued is not on the page's word alone (its frames may be stored already, and the
 * stream's lookup is the truth): a stream that answered "not baked" says so (`streamSaysBaking`).
 */
export function bakeWorthFollowing(readiness: CloudReadiness | null, streamSaysBaking: boolean): boolean {
  if (readiness?.state === 'baking') return true;
  return streamSaysBaking && readiness?.state !== 'ready' && readiness?.state !== 'failed';
}

/**
 * How far the cloud picture is, for "Preparing the cloud picture, N %"; null when there is
 * nothing to wait for (no render server, the bake landed, or none is coming). The live reading
 * leads; a stream that answered "not baked" fills in when the reading knows of no bake under way.
 */
export function bakingPercentOf(
  cloudAvailable: boolean,
  readiness: CloudReadiness | null,
  fromStream: BakeProgressSummary | null,
): number | null {
  if (!cloudAvailable || readiness?.state === 'ready') return null;
  if (readiness?.state === 'baking') return readiness.percent;
  return fromStream !== null && (fromStream.status === 'baking' || fromStream.status === 'queued') ? fromStream.percent : null;
}
