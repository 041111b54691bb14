// The farm's series on /metrics, all named yunshan_farm_*: on a render node, what it baked;
// on the render server (the dispatcher), each bake's aggregated progress and the queues'
// depth, read from the state kept by the node, the dispatcher and the last queue count.
import type { MetricsRegistry } from '../metrics';
import type { FarmQueueCounts } from './bullmq-segment-queue';
import type { FarmBakeProgress } from './farm-progress';
import type { RenderNode } from './render-node';

export function registerRenderNodeMetrics(metrics: MetricsRegistry, node: RenderNode): void {
  const segments = metrics.counter(
    'yunshan_farm_node_segments_total',
    'Segments this render node finished, by profile and outcome (rendered, reused, rebaked).',
    ['profile', 'outcome'],
  );
  const frames = metrics.counter('yunshan_farm_node_frames_total', 'Frames this render node drew and encoded, by profile.', ['profile']);
  const manifests = metrics.counter('yunshan_farm_node_manifests_total', 'Bake manifests this render node assembled, by profile.', [
    'profile',
  ]);
  const failures = metrics.counter('yunshan_farm_node_failures_total', 'Segment or manifest tries that threw on this render node.');
  node.on('segment', (key, result) => {
    segments.inc({ profile: key.profileId, outcome: result.outcome });
    if (result.outcome !== 'reused') frames.inc({ profile: key.profileId }, result.frames);
  });
  node.on('manifest', (key) => manifests.inc({ profile: key.profileId }));
  node.on('failed', () => failures.inc());
  metrics.collected('yunshan_farm_node_active_segments', 'Segments this render node is baking now.', 'gauge', () => [
    { value: node.status().activeSegments },
  ]);
}

export interface FarmProgressSource {
  progress(): FarmBakeProgress[];
  /** The queues' job counts as last read (null before the first read). */
  counts(): { segments: FarmQueueCounts; manifests: FarmQueueCounts } | null;
}

export function registerFarmProgressMetrics(metrics: MetricsRegistry, source: FarmProgressSource): void {
  const perBake = (pick: (progress: FarmBakeProgress) => number | null) => () =>
    source.progress().flatMap((progress) => {
      const value = pick(progress);
      return value === null ? [] : [{ labels: { route: progress.key.routeId, profile: progress.key.profileId }, value }];
    });
  metrics.collected(
    'yunshan_farm_bake_segments_done',
    'Segments stored of each bake in flight on the farm.',
    'gauge',
    perBake((p) => p.segmentsDone),
    ['route', 'profile'],
  );
  metrics.collected(
    'yunshan_farm_bake_segments_total',
    'Segments in each bake in flight on the farm.',
    'gauge',
    perBake((p) => p.segmentCount),
    ['route', 'profile'],
  );
  metrics.collected(
    'yunshan_farm_bake_frames_per_second',
    'Frames drawn per second by all render nodes together, per bake in flight.',
    'gauge',
    perBake((p) => p.framesPerSecond),
    ['route', 'profile'],
  );
  metrics.collected(
    'yunshan_farm_queue_jobs',
    'Jobs in the farm queues (segments, manifests) by state.',
    'gauge',
    () => {
      const counts = source.counts();
      if (counts === null) return [];
      return (['segments', 'manifests'] as const).flatMap((queue) =>
        Object.entries(counts[queue]).map(([state, value]) => ({ labels: { queue, state }, value })),
      );
    },
    ['queue', 'state'],
  );
}
