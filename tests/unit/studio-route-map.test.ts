// The studio map's pure parts: which handle a pointer grabs (the look-at handle of the
// selected keyframe before anything under it, the last drawn first) and which places
// glow for which issues (the worst severity wins; a segment issue marks the stretch), and
// what an issue in the list selects.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import type { Route } from '@/scenes/routes/route-schema';
import type { RouteIssue } from '@/scenes/routes/route-issue';
import { worldToCanvas, type CanvasSize, type MapView } from '@/components/studio/map-view';
import { handleAt, HANDLE_HIT_PX } from '@/components/studio/route-map-hit-test';
import { issueMarks } from '@/components/studio/route-map-issue-marks';
import { selectionForIssue } from '@/components/studio/map-selection';

const route: Route = CURATED_ROUTES[0];
const size: CanvasSize = { widthPx: 800, heightPx: 600 };
const view: MapView = { centerX: route.keyframes[0].position[0], centerZ: route.keyframes[0].position[2], pxPerM: 0.5 };

function pixelOf(x: number, z: number): [number, number] {
  return worldToCanvas(view, size, x, z);
}

describe('studio map: handle under the pointer', () => {
  test('a keyframe is grabbed within the hit radius and not beyond it', () => {
    const [px, py] = pixelOf(route.keyframes[2].position[0], route.keyframes[2].position[2]);
    assert.deepEqual(handleAt(view, size, route, null, px + HANDLE_HIT_PX - 1, py), { kind: 'keyframe', index: 2 });
    assert.equal(handleAt(view, size, route, null, px + HANDLE_HIT_PX + 40, py + HANDLE_HIT_PX + 40), null);
  });

  test("the selected keyframe's look-at handle wins over a keyframe under it", () => {
    const lookAt = route.keyframes[1].lookAt;
    const moved: Route = {
      ...route,
      keyframes: route.keyframes.map((k, i) => (i === 3 ? { ...k, position: [lookAt[0], k.position[1], lookAt[2]] } : k)),
    };
    const [px, py] = pixelOf(lookAt[0], lookAt[2]);
    assert.deepEqual(handleAt(view, size, moved, { kind: 'keyframe', index: 1 }, px, py), { kind: 'lookAt', index: 1 });
    assert.deepEqual(handleAt(view, size, moved, null, px, py), { kind: 'keyframe', index: 3 });
  });

  test('of two keyframes on one spot, the later (drawn on top) is grabbed', () => {
    const p = route.keyframes[0].position;
    const stacked: Route = { ...route, keyframes: route.keyframes.map((k, i) => (i === 4 ? { ...k, position: p } : k)) };
    const [px, py] = pixelOf(p[0], p[2]);
    assert.deepEqual(handleAt(view, size, stacked, null, px, py), { kind: 'keyframe', index: 4 });
  });

  test('a sight is grabbed where no keyframe is', () => {
    const poi = route.pointsOfInterest[0];
    const alone: Route = {
      ...route,
      keyframes: route.keyframes.map((k) => ({ ...k, position: [k.position[0] + 5000, k.position[1], k.position[2]] })),
      pointsOfInterest: [poi, { ...poi, id: 'far-sight', position: [poi.position[0] - 5000, poi.position[1], poi.position[2]] }],
    };
    const [px, py] = pixelOf(poi.position[0], poi.position[2]);
    assert.deepEqual(handleAt(view, size, alone, null, px, py), { kind: 'poi', index: 0 });
  });
});

function issue(fields: Partial<RouteIssue> & Pick<RouteIssue, 'severity'>): RouteIssue {
  return { code: 'keyframe-clearance', message: { en: '', zh: '' }, ...fields };
}

describe('studio map: issue marks', () => {
  test('the worst severity wins whichever comes first', () => {
    const marks = issueMarks([
      issue({ severity: 'warning', keyframeIndex: 1 }),
      issue({ severity: 'error', keyframeIndex: 1 }),
      issue({ severity: 'error', keyframeIndex: 2 }),
      issue({ severity: 'warning', keyframeIndex: 2 }),
    ]);
    assert.deepEqual(
      [...marks.keyframes],
      [
        [1, 'error'],
        [2, 'error'],
      ],
    );
  });

  test('a segment issue marks the segment, not the keyframe it names', () => {
    const marks = issueMarks([issue({ severity: 'warning', keyframeIndex: 3, segmentIndex: 2 })]);
    assert.deepEqual([...marks.segments], [[2, 'warning']]);
    assert.equal(marks.keyframes.size, 0);
  });

  test('a sight issue marks the sight', () => {
    const marks = issueMarks([issue({ severity: 'error', pointOfInterestIndex: 0 })]);
    assert.deepEqual([...marks.pois], [[0, 'error']]);
    assert.equal(marks.keyframes.size + marks.segments.size, 0);
  });
});

describe('studio map: what an issue selects', () => {
  test('its segment, else its keyframe, else its sight', () => {
    assert.deepEqual(selectionForIssue({ keyframeIndex: 3, segmentIndex: 2 }), { kind: 'segment', index: 2 });
    assert.deepEqual(selectionForIssue({ keyframeIndex: 3 }), { kind: 'keyframe', index: 3 });
    assert.deepEqual(selectionForIssue({ pointOfInterestIndex: 1 }), { kind: 'poi', index: 1 });
    assert.equal(selectionForIssue({}), null);
  });
});
