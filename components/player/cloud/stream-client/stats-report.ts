// The figures a viewer reports to the render server now and then (its 'stats' message), from
// the stream client's own; none over HTTP, where there is no session to report to. Pure.
import type { StatsMessage } from '@/scenes/protocol/client-messages';
import type { CloudStats } from './cloud-snapshot';

export function statsReport(stats: CloudStats): StatsMessage | null {
  if (!stats.transport || !stats.profile || stats.transport === 'http') return null;
  return {
    transport: stats.transport,
    profile: stats.profile,
    fps: stats.fpsShown,
    bitrateKbps: Math.round(stats.bitrateKbps),
    bufferAheadMs: Math.round(stats.bufferAheadS * 1000),
    rttMs: stats.rttMs === null ? null : Math.round(stats.rttMs),
    decodedFrames: stats.framesDecoded,
    droppedFrames: stats.dropped,
    stalls: 0,
  };
}
