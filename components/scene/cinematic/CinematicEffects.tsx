'use client';
// The cinematic tier's effects, mounted by FlightCanvas only for the render server's bake:
// sun shadows, ambient occlusion, a raymarched cloud sea and mist, bloom, the AgX tone curve
// with a grade per time of day, and anti-aliasing by accumulated jittered sub-frames. It takes
// over drawing the frame (a positive useFrame priority), after every scene update has run.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { PerspectiveCamera } from 'three';
import { atmosphereFor } from '@/scenes/atmosphere/atmosphere-params';
import type { Route } from '@/scenes/routes/route-schema';
import { createCloudNoiseTexture } from '../noise-textures';
import { createCinematicPipeline } from './cinematic-pipeline';
import { FILM_GRADES } from './film-grades';

export interface CinematicEffectsProps {
  /** The flight: its time of day and scene choose the air and grade, its path the sub-frames' poses. */
  route: Route;
}

export function CinematicEffects({ route }: CinematicEffectsProps) {
  const { timeOfDay, scene: sceneId } = route;
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera) as PerspectiveCamera;
  const size = useThree((state) => state.size);
  // The bake tier's air: the cinematic tier draws the bake tier's world and cloud numbers.
  const params = useMemo(() => atmosphereFor(timeOfDay, 'bake', sceneId), [timeOfDay, sceneId]);
  const noise = useMemo(() => createCloudNoiseTexture(), []);
  useEffect(() => () => noise.dispose(), [noise]);
  const pipeline = useMemo(
    () => createCinematicPipeline(gl, scene, camera, route, params, noise, FILM_GRADES[timeOfDay]),
    [gl, scene, camera, route, params, noise, timeOfDay],
  );
  useEffect(() => () => pipeline.dispose(), [pipeline]);
  useEffect(() => pipeline.setSize(size.width, size.height), [pipeline, size.width, size.height]);
  // Route time: with the bake's stopped frame loop the R3F clock reads exactly the frame's time.
  useFrame((state) => {
    // A hidden frame (the render page forgetting its view history) only replans the level of
    // detail: at seconds a frame, drawing it would be the most expensive no-op of the bake.
    if (!state.scene.visible) return;
    pipeline.render(state.clock.elapsedTime);
  }, 1);
  return null;
}
