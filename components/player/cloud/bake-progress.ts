// How far a route's bake is, from the server's 'not-baked' reply: the profile this
// browser would stream first decides, since the stream can start once that one is done.
import type { NotBakedMessage } from '@/scenes/protocol/server-messages';

export type BakeProgressStatus = 'queued' | 'baking' | 'failed' | 'not-scheduled';

export interface BakeProgressSummary {
  status: BakeProgressStatus;
  /** 0–100; 99 at most until the bake is really done. */
  percent: number;
}

export function summarizeBakeProgress(message: NotBakedMessage, vp8Supported: boolean): BakeProgressSummary {
  const wanted = vp8Supported ? '360p' : '360p-jpeg';
  const entry = message.profiles.find((profile) => profile.profileId === wanted) ?? message.profiles[0];
  if (!entry || entry.status === 'missing') return { status: 'not-scheduled', percent: 0 };
  if (entry.status === 'failed') return { status: 'failed', percent: 0 };
  const percent = entry.framesTotal > 0 ? Math.min(99, Math.max(0, Math.floor((100 * entry.framesDone) / entry.framesTotal))) : 0;
  if (entry.status === 'queued' && entry.framesDone === 0) return { status: 'queued', percent: 0 };
  return { status: 'baking', percent };
}
