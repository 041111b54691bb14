// routeTimeline's timeAtDistance is the inverse of distanceAt for both pacings: the
// clearance rule names the time of a bad stretch with it, and keyframe pass times agree.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { RouteSchema } from '@/scenes/routes/route-schema';
import { routeTimeline } from '@/scenes/routes/route-timeline';

const constantSpeed = CURATED_ROUTES.find((r) => r.pacing === 'constant-speed')!;
const keyframeTimed = RouteSchema.parse({ ...constantSpeed, id: 'keyframe-timed-copy', pacing: 'keyframe-times' });

describe('route timeline: time at distance', () => {
  for (const route of [constantSpeed, keyframeTimed]) {
    test(`${route.pacing}: distanceAt(timeAtDistance(d)) is d along the whole path`, () => {
      const timeline = routeTimeline(route);
      const lengthM = timeline.curve.lengthM;
      for (let i = 0; i <= 40; i++) {
        const distanceM = (i / 40) * lengthM;
        const timeS = timeline.timeAtDistance(distanceM);
        assert.ok(timeS >= 0 && timeS <= route.durationS, `time ${timeS} inside the route`);
        assert.ok(Math.abs(timeline.distanceAt(timeS) - distanceM) < 1e-3, `${distanceM} m comes back at ${timeS} s`);
      }
    });

    test(`${route.pacing}: each keyframe's distance maps to its pass time`, () => {
      const timeline = routeTimeline(route);
      timeline.curve.keyframeDistancesM.forEach((distanceM, index) => {
        assert.ok(Math.abs(timeline.timeAtDistance(distanceM) - timeline.keyframePassTimesS[index]) < 1e-6, `keyframe ${index + 1}`);
      });
    });
  }
});
