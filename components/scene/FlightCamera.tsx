'use client';
// Puts the camera where the route says at the current time, every frame, before anything
// else reads the camera (negative useFrame priority runs first and does not take over rendering),
// turned by where the visitor looks (lookedQuaternion: the same turn the cloud's sphere view
// makes, so a handover keeps the look). Outside a player (a bake) the look is the route's own.
// In a headset the XR rig takes over (components/xr).
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { PerspectiveCamera } from 'three';
import { useLookStore } from '@/components/player/look/look-context';
import { XRFlightRig } from '@/components/xr/XRFlightRig';
import { reportDrawnLook } from '@/components/player/look/look-test-handle';
import { lookedQuaternion } from '@/scenes/routes/look-offset';
import { poseAt } from '@/scenes/routes/pose';
import type { Route } from '@/scenes/routes/route-schema';

export function FlightCamera({ route, getTimeS }: { route: Route; getTimeS: () => number }) {
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  const xr = useThree((state) => state.gl.xr);
  const look = useLookStore();
  // A paused flight draws on demand: a look changes the picture, so it asks for a frame.
  useEffect(() => look.subscribe(() => invalidate()), [look, invalidate]);
  useFrame(() => {
    // In the headset the rig carries the camera and the headset turns it (XRFlightRig).
    if (xr.isPresenting) return;
    const nowMs = performance.now();
    const timeS = getTimeS();
    const pose = poseAt(route, timeS);
    const offset = look.getLookOffset(nowMs);
    const quaternion =
      offset.yawRad === 0 && offset.pitchRad === 0 ? pose.quaternion : lookedQuaternion(pose.position, pose.lookAt, offset);
    camera.position.set(pose.position[0], pose.position[1], pose.position[2]);
    camera.quaternion.set(quaternion[0], quaternion[1], quaternion[2], quaternion[3]);
    if (camera instanceof PerspectiveCamera && camera.fov !== pose.fovDeg) {
      camera.fov = pose.fovDeg;
      camera.updateProjectionMatrix();
    }
    camera.updateMatrixWorld();
    // What the camera now holds, read back from it (not the numbers meant for it).
    const q = camera.quaternion;
    reportDrawnLook({
      timeS,
      offset,
      position: [camera.position.x, camera.position.y, camera.position.z],
      quaternion: [q.x, q.y, q.z, q.w],
      fovDeg: pose.fovDeg,
    });
    // Easing home (or a key held) moves the view by itself: keep drawing until it settles.
    if (look.isMoving(nowMs)) invalidate();
  }, -1);
  return <XRFlightRig route={route} getTimeS={getTimeS} />;
}
