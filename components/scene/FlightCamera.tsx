'use client';
// Puts the camera where the route says at the current time, every frame, before anything
// else reads the camera (negative useFrame priority runs first and does not take over rendering).
import { useFrame, useThree } from '@react-three/fiber';
import { PerspectiveCamera } from 'three';
import { poseAt } from '@/scenes/routes/pose';
import type { Route } from '@/scenes/routes/route-schema';

export function FlightCamera({ route, getTimeS }: { route: Route; getTimeS: () => number }) {
  const camera = useThree((state) => state.camera);
  useFrame(() => {
    const pose = poseAt(route, getTimeS());
    camera.position.set(pose.position[0], pose.position[1], pose.position[2]);
    camera.quaternion.set(pose.quaternion[0], pose.quaternion[1], pose.quaternion[2], pose.quaternion[3]);
    if (camera instanceof PerspectiveCamera && camera.fov !== pose.fovDeg) {
      camera.fov = pose.fovDeg;
      camera.updateProjectionMatrix();
    }
    camera.updateMatrixWorld();
  }, -1);
  return null;
}
