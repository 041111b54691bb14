// The render farm's pure parts: a bake's progress aggregated from its segments' reports
// (each second counted once, the rate over the farm's wall time, segments found stored not
// counted as drawn), and the BullMQ job ids and priorities a bake is queued under.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BakeKey } from '@/server/bake/bake-contracts';
import { frameCountFor, segmentCountFor } from '@/scenes/protocol/frame-timing';
import { BAKED_PROFILE_IDS, QUALITY_PROFILES } from '@/scenes/protocol/profile-ladder';
import { aggregateFarmProgress } from '@/server/farm/farm-progress';
import { bakeFlow, bakePriority, manifestJobId, segmentJobId, type SegmentResult } from '@/server/farm/segment-job';
import { buildTestRoute } from '../helpers/test-routes';

const key: BakeKey = { sceneVersion: 'w1a2b-s3c4d', routeId: 'farm-unit', revision: 2, profileId: '360p' };

function result(
  segmentIndex: number,
  startedAtMs: number,
  finishedAtMs: number,
  outcome: SegmentResult['outcome'] = 'rendered',
): SegmentResult {
  return { segmentIndex, frames: 30, outcome, renderMs: finishedAtMs - startedAtMs, startedAtMs, finishedAtMs, nodeId: 'n' };
}

describe('farm progress', () => {
  test('counts segments and frames done, and the farm rate over its wall time', () => {
    // Two nodes side by side: 60 frames drawn between t=0 and t=2 s.
    const progress = aggregateFarmProgress(key, 20, [result(0, 0, 2000), result(1, 0, 1500)], 'waiting-children');
    assert.equal(progress.state, 'running');
    assert.equal(progress.segmentsDone, 2);
    assert.equal(progress.segmentCount, segmentCountFor(20));
    assert.equal(progress.framesDone, 60);
    assert.equal(progress.framesTotal, frameCountFor(20));
    assert.equal(progress.framesPerSecond, 30);
  });

  test('a segment reported twice (retaken from a lost node) counts once; stored segments add frames but no rate', () => {
    const progress = aggregateFarmProgress(
      key,
      20,
      [result(3, 0, 1000), result(3, 5000, 6000), result(4, 0, 0, 'reused')],
      'waiting-children',
    );
    assert.equal(progress.segmentsDone, 2);
    assert.equal(progress.framesDone, 60);
    assert.equal(progress.framesPerSecond, 30);
    const reusedOnly = aggregateFarmProgress(key, 20, [result(0, 0, 0, 'reused')], 'waiting-children');
    assert.equal(reusedOnly.framesPerSecond, null);
  });

  test('queued before any segment, done with every frame, failed with its reason', () => {
    assert.equal(aggregateFarmProgress(key, 20, [], 'waiting-children').state, 'queued');
    const done = aggregateFarmProgress(key, 20, [], 'completed');
    assert.deepEqual([done.state, done.segmentsDone, done.framesDone], ['done', segmentCountFor(20), frameCountFor(20)]);
    const failed = aggregateFarmProgress(key, 20, [], 'failed', 'renderer crashed');
    assert.deepEqual([failed.state, failed.error], ['failed', 'renderer crashed']);
  });
});

describe('farm jobs', () => {
  test('job ids are stable, free of ":" and name the bake', () => {
    assert.equal(manifestJobId(key), 'bake.farm-unit.r2.360p.w1a2b-s3c4d');
    assert.equal(segmentJobId(key, 7), 'bake.farm-unit.r2.360p.w1a2b-s3c4d.s7');
    assert.ok(!segmentJobId(key, 7).includes(':'));
  });

  test('every standard profile goes before every cinematic one, and the spheres after both, cheapest first', () => {
    const priorities = BAKED_PROFILE_IDS.map(bakePriority);
    assert.deepEqual(
      priorities,
      [...priorities].sort((a, b) => a - b),
    );
    const flat = BAKED_PROFILE_IDS.filter((id) => QUALITY_PROFILES[id].projection === 'flat');
    const standard = flat.filter((id) => QUALITY_PROFILES[id].sceneTier !== 'cinematic').map(bakePriority);
    const cinematic = flat.filter((id) => QUALITY_PROFILES[id].sceneTier === 'cinematic').map(bakePriority);
    const sphere = BAKED_PROFILE_IDS.filter((id) => QUALITY_PROFILES[id].projection === 'equirect').map(bakePriority);
    assert.ok(Math.max(...standard) < Math.min(...cinematic));
    assert.ok(Math.max(...cinematic) < Math.min(...sphere));
    assert.ok(
      priorities.every((priority) => priority >= 1),
      'BullMQ priority 0 would mean "no priority", taken before all others',
    );
  });

  test('a bake flow has one child per segment, in order, each failing its parent when it fails for good', () => {
    const route = buildTestRoute('farm-unit', { durationS: 40 });
    const flow = bakeFlow(key, route, { segmentAttempts: 3 });
    assert.equal(flow.children.length, segmentCountFor(40));
    assert.deepEqual(
      flow.children.map((child) => child.data.segmentIndex),
      Array.from({ length: segmentCountFor(40) }, (_, index) => index),
    );
    assert.ok(flow.children.every((child) => child.opts.failParentOnFailure && child.opts.priority === flow.opts.priority));
    assert.throws(() => bakeFlow(key, buildTestRoute('another-route'), { segmentAttempts: 3 }), /not the route/);
  });
});
