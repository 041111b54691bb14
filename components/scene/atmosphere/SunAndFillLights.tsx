'use client';
// Sunlight from the sky's sun, and a hemisphere fill of sky blue-grey over valley green.
// No shadow maps: on a CPU rasteriser they halve the frame rate.
import { useMemo } from 'react';
import { Color, Vector3 } from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';

// Far enough out that the light reads as parallel over the whole world (only direction matters).
const SUN_DISTANCE_M = 5000;

export function SunAndFillLights({ params }: { params: AtmosphereParams }) {
  const { palette } = params;
  const sunPosition = useMemo(() => new Vector3(...params.sunDirection).multiplyScalar(SUN_DISTANCE_M), [params.sunDirection]);
  const sunColour = useMemo(() => new Color(palette.sunLight), [palette.sunLight]);
  const skyFill = useMemo(() => new Color(palette.skyFill), [palette.skyFill]);
  const groundFill = useMemo(() => new Color(palette.groundFill), [palette.groundFill]);

  return (
    <>
      <directionalLight position={sunPosition} color={sunColour} intensity={params.sunIntensity} />
      <hemisphereLight args={[skyFill, groundFill, params.fillIntensity]} />
    </>
  );
}
