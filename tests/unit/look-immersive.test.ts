// The headset's comfort and session, as far as they are ours: the rig follows the route's
// position and heading only (a level horizon), a fast turn closes the vignette and a slow one
// leaves the view open, and the session store ends a session on the way out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CURATED_ROUTES } from '@/scenes/routes/curated/index';
import { yawPitchOf } from '@/scenes/routes/look-offset';
import { poseAt } from '@/scenes/routes/pose';
import {
  MAX_VIGNETTE,
  TURN_CALM_RAD_PER_S,
  TURN_FULL_VIGNETTE_RAD_PER_S,
  headingChange,
  rigAt,
  smoothTurnRate,
  vignetteFor,
} from '@/components/xr/xr-comfort';
import { createImmersiveStore } from '@/components/xr/immersive-store';
import { IMMERSIVE_MODE, IMMERSIVE_SESSION_INIT, immersiveSupported, requestImmersiveSession } from '@/components/xr/immersive-session';

const close = (a: number, b: number, epsilon = 1e-9) => assert.ok(Math.abs(a - b) <= epsilon, `${a} vs ${b}`);

test('the rig sits on the route and faces its heading, plus the visitor’s own turn', () => {
  const route = CURATED_ROUTES[0];
  for (const timeS of [0, route.durationS / 3, route.durationS - 1]) {
    const pose = poseAt(route, timeS);
    const rig = rigAt(route, timeS);
    assert.deepEqual(rig.position, pose.position);
    const heading = yawPitchOf([
      pose.lookAt[0] - pose.position[0],
      pose.lookAt[1] - pose.position[1],
      pose.lookAt[2] - pose.position[2],
    ]).yawRad;
    close(headingChange(heading, rig.yawRad), 0);
    close(headingChange(heading + 0.5, rigAt(route, timeS, 0.5).yawRad), 0);
  }
});

test('the vignette stays open on calm turns and closes, never fully, on fast ones', () => {
  assert.equal(vignetteFor(0), 0);
  assert.equal(vignetteFor(TURN_CALM_RAD_PER_S), 0);
  assert.ok(vignetteFor((TURN_CALM_RAD_PER_S + TURN_FULL_VIGNETTE_RAD_PER_S) / 2) > 0);
  assert.equal(vignetteFor(TURN_FULL_VIGNETTE_RAD_PER_S * 3), MAX_VIGNETTE);
  assert.ok(MAX_VIGNETTE < 1);
});

test('the turn rate follows the heading in wall time, smoothed, and a crossing of ±π is a small turn', () => {
  let rate = 0;
  for (let frame = 0; frame < 60; frame++) rate = smoothTurnRate(rate, 1 / 60, 1 / 60);
  close(rate, 1, 0.05);
  close(headingChange(Math.PI - 0.01, -Math.PI + 0.01), 0.02, 1e-12);
  assert.equal(smoothTurnRate(0.4, 1, 0), 0.4);
});

test('immersive-vr in seated space is what the player asks for; no WebXR means no headset', async () => {
  assert.equal(IMMERSIVE_MODE, 'immersive-vr');
  assert.deepEqual(IMMERSIVE_SESSION_INIT, { requiredFeatures: ['local'] });
  assert.equal(await immersiveSupported(undefined), false);
  assert.equal(await requestImmersiveSession(undefined), null);
});

test('the session store: on while the session lives, off when the visitor leaves or the headset ends it', async () => {
  const ended: string[] = [];
  class Session extends EventTarget {
    async end() {
      ended.push('end');
      this.dispatchEvent(new Event('end'));
    }
  }
  const store = createImmersiveStore();
  let heard = 0;
  store.subscribe(() => (heard += 1));
  store.starting();
  assert.equal(store.getState().phase, 'starting');
  const session = new Session() as unknown as XRSession;
  store.began(session);
  assert.equal(store.getState().phase, 'on');
  store.leave();
  assert.equal(store.getState().phase, 'off');
  await Promise.resolve();
  assert.deepEqual(ended, ['end']);

  const second = new Session() as unknown as XRSession;
  store.began(second);
  second.dispatchEvent(new Event('end'));
  assert.equal(store.getState().phase, 'off', 'the headset’s own menu ends it too');
  store.failed();
  assert.equal(store.getState().phase, 'failed');
  assert.equal(heard, 6);
});
