'use client';
// Everything atmospheric in the Zhangjiajie scene: sky, sun and fill light, haze and the
// cloud sea. Render it once inside the R3F <Canvas>.
import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo } from 'react';
import { atmosphereFor } from '@/scenes/atmosphere/atmosphere-params';
import type { SceneId, TimeOfDay } from '@/scenes/routes/route-schema';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import { atmosphereUniformsOf, setAtmosphereUniforms } from './atmosphere-uniforms';
import { installCloudSeaVeil } from './cloud-sea-veil-chunks';
import { CloudLayers } from './CloudLayers';
import { SceneFog } from './SceneFog';
import { SkyDome } from './SkyDome';
import { SunAndFillLights } from './SunAndFillLights';

// Before any fogged material compiles: the render loop starts only after this module loads.
installCloudSeaVeil();

export interface AtmosphereProps {
  timeOfDay: TimeOfDay;
  tier: QualityTier;
  /** Whose cloud sea and mist: each scene has its own heights (Wulingyuan's when left out). */
  sceneId?: SceneId;
  /**
   * Seconds that drive the cloud drift. Leave out to follow the R3F clock; a baking
   * renderer passes the frame's time so every frame is reproducible.
   */
  timeS?: number;
  /**
   * The cinematic tier's volumetric pass draws the cloud sea, mist and haze itself: the flat
   * cloud layers and the fog (with its cloud-sea veil) would paint them a second time.
   */
  volumetric?: boolean;
}

export function Atmosphere({ timeOfDay, tier, sceneId = 'wulingyuan', timeS, volumetric = false }: AtmosphereProps) {
  const params = useMemo(() => atmosphereFor(timeOfDay, tier, sceneId), [timeOfDay, tier, sceneId]);
  const scene = useThree((state) => state.scene);
  // Before the first frame: every material reads the sea's band from these at render time.
  useLayoutEffect(() => setAtmosphereUniforms(atmosphereUniformsOf(scene), params), [scene, params]);
  return (
    <>
      <SkyDome params={params} />
      <SunAndFillLights params={params} />
      {!volumetric && <SceneFog params={params} />}
      {!volumetric && <CloudLayers params={params} timeS={timeS} />}
    </>
  );
}
