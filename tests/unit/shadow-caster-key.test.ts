// The cinematic tier reuses the sun's shadow map while its key holds: the key must change with
// anything that moves a shadow (an instance's matrix, how many instances, a caster appearing or
// hidden) and hold when nothing did, or a resumed bake would draw other pixels than a whole one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoxGeometry, InstancedMesh, Matrix4, Mesh, MeshBasicMaterial, Scene } from 'three';
import { shadowCasterKey } from '@/components/scene/cinematic/shadow-caster-key';

function sceneWithCasters() {
  const scene = new Scene();
  const geometry = new BoxGeometry();
  const material = new MeshBasicMaterial();
  const pillars = new InstancedMesh(geometry, material, 8);
  pillars.castShadow = true;
  pillars.count = 4;
  for (let i = 0; i < 8; i++) pillars.setMatrixAt(i, new Matrix4().makeTranslation(i * 10, 0, 0));
  const bridge = new Mesh(geometry, material);
  bridge.castShadow = true;
  const ground = new Mesh(geometry, material);
  ground.castShadow = false;
  scene.add(pillars, bridge, ground);
  return { scene, pillars, bridge, ground };
}

test('the key holds while nothing that casts has changed', () => {
  const { scene, ground } = sceneWithCasters();
  const key = shadowCasterKey(scene);
  assert.equal(shadowCasterKey(scene), key);
  // A mesh that does not cast may change freely.
  ground.position.set(50, 0, 0);
  ground.visible = false;
  assert.equal(shadowCasterKey(scene), key);
});

test('the key changes when an instance moves, when the count changes, or a caster is hidden', () => {
  const { scene, pillars, bridge } = sceneWithCasters();
  const key = shadowCasterKey(scene);
  pillars.setMatrixAt(2, new Matrix4().makeTranslation(21, 0, 0));
  const moved = shadowCasterKey(scene);
  assert.notEqual(moved, key);
  // Instances past the count are not drawn, so they do not count.
  pillars.setMatrixAt(6, new Matrix4().makeTranslation(99, 0, 0));
  assert.equal(shadowCasterKey(scene), moved);
  pillars.count = 5;
  const more = shadowCasterKey(scene);
  assert.notEqual(more, moved);
  bridge.visible = false;
  assert.notEqual(shadowCasterKey(scene), more);
});
