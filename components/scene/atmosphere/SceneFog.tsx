'use client';
// Aerial perspective: exponential-squared fog in the horizon's haze colour, so far pillar
// ranks fade blue-grey and the edge of the world dissolves. Set on the scene itself, so it
// applies wherever <Atmosphere> sits in the tree.
import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { Color, FogExp2 } from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';

export function SceneFog({ params }: { params: AtmosphereParams }) {
  const scene = useThree((state) => state.scene);
  const { haze } = params.palette;
  const densityPerM = params.fogDensityPerM;

  useLayoutEffect(() => {
    const previousFog = scene.fog;
    const previousBackground = scene.background;
    scene.fog = new FogExp2(haze, densityPerM);
    // Behind the sky dome; shows only if the dome is missing for a frame.
    scene.background = new Color(haze);
    return () => {
      scene.fog = previousFog;
      scene.background = previousBackground;
    };
  }, [scene, haze, densityPerM]);

  return null;
}
