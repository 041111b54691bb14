'use client';
// The sky: one camera-centred sphere drawn before everything else.
import { useEffect, useMemo } from 'react';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';
import { createSkyMaterial } from './sky-material';

// First among opaque objects; with no depth test the rest of the scene paints over it.
const SKY_RENDER_ORDER = -1000;

export function SkyDome({ params }: { params: AtmosphereParams }) {
  const material = useMemo(() => createSkyMaterial(params), [params]);
  useEffect(() => () => material.dispose(), [material]);

  return (
    <mesh material={material} renderOrder={SKY_RENDER_ORDER} frustumCulled={false}>
      {/* Any radius works: the vertex shader places the dome at infinity. */}
      <sphereGeometry args={[10, 32, 16]} />
    </mesh>
  );
}
