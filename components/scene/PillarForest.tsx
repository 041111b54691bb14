'use client';
// The ordinary pillars, their pine crowns, the pines clinging to their shafts and the groves round
// their feet as instanced meshes, one per (archetype, LOD).
// Each frame the nearest pillars in view get the detailed meshes; nothing per frame goes through React.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Frustum, Group, InstancedBufferAttribute, InstancedMesh, Matrix4, Sphere, Vector3, type Material } from 'three';
import { assignPillarLods, createInstancePlan, fillInstancePlan, type InstanceBucket } from '@/scenes/world/instance-plan';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import type { PillarInstancing } from '@/scenes/world/pillar-instancing';
import type { WorldGeometry } from '@/scenes/world/world-geometry';
import { atmosphereUniformsOf } from './atmosphere/atmosphere-uniforms';
import { toBufferGeometry } from './buffer-geometry';
import { createCrownMaterial, createRockMaterial } from './world-materials';

/** Re-plan only when the view changed this much: planning is cheap, uploading instance buffers is not free on a CPU rasteriser. */
const REPLAN_MOVE_M = 4;
const REPLAN_TURN_COS = Math.cos((1.5 * Math.PI) / 180);

interface BucketMesh {
  bucket: InstanceBucket;
  mesh: InstancedMesh;
}

function bucketMesh(bucket: InstanceBucket, geometry: ReturnType<typeof toBufferGeometry>, material: Material): BucketMesh | null {
  const capacity = bucket.matrices.length / 16;
  if (capacity === 0) return null;
  const mesh = new InstancedMesh(geometry, material, capacity);
  mesh.instanceMatrix = new InstancedBufferAttribute(bucket.matrices, 16);
  mesh.instanceColor = new InstancedBufferAttribute(bucket.colors, 3);
  // Instances move between buckets every re-plan; per-instance culling happens in the plan instead.
  mesh.frustumCulled = false;
  mesh.count = 0;
  mesh.visible = false;
  return { bucket, mesh };
}

export function PillarForest({ instancing, geometry, tier }: { instancing: PillarInstancing; geometry: WorldGeometry; tier: QualityTier }) {
  const camera = useThree((state) => state.camera);
  const threeScene = useThree((state) => state.scene);
  const scene = useMemo(() => {
    const plan = createInstancePlan(instancing, tier);
    const atmosphere = atmosphereUniformsOf(threeScene);
    const rock = createRockMaterial(tier, atmosphere);
    const crown = createCrownMaterial(atmosphere);
    const pillarGeometries = geometry.pillars.map((lods) => lods.map(toBufferGeometry));
    const crownGeometries = geometry.crowns.map(toBufferGeometry);
    const ledgeGeometries = geometry.ledgePines.map(toBufferGeometry);
    const groveGeometry = toBufferGeometry(geometry.groveTree);
    const meshes: BucketMesh[] = [];
    for (const bucket of plan.pillarBuckets) {
      const m = bucketMesh(bucket, pillarGeometries[bucket.archetype][bucket.lod], rock);
      if (m) meshes.push(m);
    }
    for (const bucket of plan.crownBuckets) {
      const m = bucketMesh(bucket, crownGeometries[bucket.lod], crown);
      if (m) meshes.push(m);
    }
    for (const bucket of plan.ledgeBuckets) {
      const m = bucketMesh(bucket, ledgeGeometries[bucket.lod], crown);
      if (m) meshes.push(m);
    }
    for (const bucket of plan.groveBuckets) {
      const m = bucketMesh(bucket, groveGeometry, crown);
      if (m) meshes.push(m);
    }
    const group = new Group();
    for (const m of meshes) group.add(m.mesh);
    const dispose = () => {
      rock.dispose();
      crown.dispose();
      for (const g of [...pillarGeometries.flat(), ...crownGeometries, ...ledgeGeometries, groveGeometry]) g.dispose();
      for (const m of meshes) m.mesh.dispose();
    };
    return { plan, group, meshes, dispose };
  }, [instancing, geometry, tier, threeScene]);

  useEffect(() => scene.dispose, [scene]);

  const view = useMemo(
    () => ({
      frustum: new Frustum(),
      projView: new Matrix4(),
      sphere: new Sphere(),
      lastPosition: new Vector3(Infinity, 0, 0),
      lastDirection: new Vector3(),
      direction: new Vector3(),
      lastProjection: new Matrix4(),
    }),
    [],
  );

  useFrame(() => {
    camera.getWorldDirection(view.direction);
    const moved = view.lastPosition.distanceToSquared(camera.position) > REPLAN_MOVE_M * REPLAN_MOVE_M;
    const turned = view.direction.dot(view.lastDirection) < REPLAN_TURN_COS;
    const zoomed = !view.lastProjection.equals(camera.projectionMatrix);
    if (!moved && !turned && !zoomed && view.lastPosition.x !== Infinity) return;
    view.lastPosition.copy(camera.position);
    view.lastDirection.copy(view.direction);
    view.lastProjection.copy(camera.projectionMatrix);
    camera.updateMatrixWorld();
    view.projView.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
    view.frustum.setFromProjectionMatrix(view.projView);
    const isVisible = (x: number, y: number, z: number, r: number) => {
      view.sphere.center.set(x, y, z);
      view.sphere.radius = r;
      return view.frustum.intersectsSphere(view.sphere);
    };
    const p = camera.position;
    fillInstancePlan(scene.plan, instancing, assignPillarLods(instancing, tier, [p.x, p.y, p.z], isVisible));
    for (const { bucket, mesh } of scene.meshes) {
      mesh.count = bucket.count;
      mesh.visible = bucket.count > 0;
      if (bucket.count > 0) {
        mesh.instanceMatrix.clearUpdateRanges();
        mesh.instanceMatrix.addUpdateRange(0, bucket.count * 16);
        mesh.instanceMatrix.needsUpdate = true;
        if (mesh.instanceColor) {
          mesh.instanceColor.clearUpdateRanges();
          mesh.instanceColor.addUpdateRange(0, bucket.count * 3);
          mesh.instanceColor.needsUpdate = true;
        }
      }
    }
  });

  return <primitive object={scene.group} />;
}
