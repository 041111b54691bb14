'use client';
// The cloud sea and mist: one large horizontal plane per layer, carried along under the
// camera (the pattern is anchored to the world, so the layers read as endless).
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Group, Mesh } from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';
import { atmosphereUniformsOf } from './atmosphere-uniforms';
import { createCloudMaterial, setCloudTime } from './cloud-material';
import { createCloudNoiseTexture } from '../noise-textures';

// Wide enough that the rim lies deep in fog from anywhere in the 4.8 km world.
const LAYER_SIZE_M = 24_000;
// Above the default 0 of the scene's other transparent objects: cloud is drawn over them.
const CLOUD_RENDER_ORDER = 100;

export interface CloudLayersProps {
  params: AtmosphereParams;
  /** Drift time in seconds; when absent the R3F clock drives it. */
  timeS?: number;
}

export function CloudLayers({ params, timeS }: CloudLayersProps) {
  const scene = useThree((state) => state.scene);
  const noise = useMemo(() => createCloudNoiseTexture(), []);
  useEffect(() => () => noise.dispose(), [noise]);
  const materials = useMemo(
    () => params.cloudLayers.map((layer) => createCloudMaterial(layer, params, noise, atmosphereUniformsOf(scene))),
    [params, noise, scene],
  );
  useEffect(() => () => materials.forEach((material) => material.dispose()), [materials]);

  const group = useRef<Group>(null);
  const meshes = useRef<(Mesh | null)[]>([]);
  const drawOrder = useRef<number[]>([]);

  useFrame((state) => {
    const driftTimeS = timeS ?? state.clock.elapsedTime;
    const camera = state.camera.position;
    group.current?.position.set(camera.x, 0, camera.z);
    for (const material of materials) setCloudTime(material, driftTimeS);
    // Translucent slices must be drawn farthest first; the layers all sit under or over
    // the camera, so vertical distance alone decides.
    const layers = params.cloudLayers;
    const order = drawOrder.current;
    order.length = layers.length;
    for (let i = 0; i < layers.length; i++) order[i] = i;
    order.sort((a, b) => Math.abs(camera.y - layers[b].heightM) - Math.abs(camera.y - layers[a].heightM));
    order.forEach((layerIndex, rank) => {
      const mesh = meshes.current[layerIndex];
      if (mesh) mesh.renderOrder = CLOUD_RENDER_ORDER + rank;
    });
  });

  return (
    <group ref={group}>
      {params.cloudLayers.map((layer, i) => (
        <mesh
          key={layer.id}
          ref={(mesh) => {
            meshes.current[i] = mesh;
          }}
          position-y={layer.heightM}
          rotation-x={-Math.PI / 2}
          material={materials[i]}
          frustumCulled={false}
        >
          <planeGeometry args={[LAYER_SIZE_M, LAYER_SIZE_M]} />
        </mesh>
      ))}
    </group>
  );
}
