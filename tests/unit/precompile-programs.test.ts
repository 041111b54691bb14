// Which objects the precompile compiles one task each: one per (material, kind of object), so
// every program the scene needs is built, and objects sharing one are not compiled again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoxGeometry, Group, InstancedMesh, Mesh, MeshBasicMaterial, MeshStandardMaterial, Scene } from 'three';
import { objectsToCompile } from '@/components/player/render-choice/precompile-programs';

test('one object per material, in scene order; groups and repeats are passed over', () => {
  const geometry = new BoxGeometry();
  const rock = new MeshStandardMaterial();
  const sky = new MeshBasicMaterial();
  const scene = new Scene();
  const world = new Group();
  const first = new Mesh(geometry, rock);
  const second = new Mesh(geometry, rock);
  const skyMesh = new Mesh(geometry, sky);
  world.add(first, second);
  scene.add(world, skyMesh);
  assert.deepEqual(objectsToCompile(scene), [first, skyMesh]);
});

test('a material drawn by an instanced mesh and a plain one needs both programs', () => {
  const geometry = new BoxGeometry();
  const rock = new MeshStandardMaterial();
  const plain = new Mesh(geometry, rock);
  const instanced = new InstancedMesh(geometry, rock, 4);
  const moreInstanced = new InstancedMesh(geometry, rock, 2);
  const scene = new Scene();
  scene.add(plain, instanced, moreInstanced);
  assert.deepEqual(objectsToCompile(scene), [plain, instanced]);
});

test('hidden objects are compiled too (a world held hidden until its programs are ready)', () => {
  const hidden = new Group();
  hidden.visible = false;
  const mesh = new Mesh(new BoxGeometry(), new MeshBasicMaterial());
  mesh.visible = false;
  hidden.add(mesh);
  assert.deepEqual(objectsToCompile(hidden), [mesh]);
});

test('every material of a multi-material mesh counts as brought by it', () => {
  const geometry = new BoxGeometry();
  const a = new MeshBasicMaterial();
  const b = new MeshBasicMaterial();
  const both = new Mesh(geometry, [a, b]);
  const onlyB = new Mesh(geometry, b);
  const scene = new Scene();
  scene.add(both, onlyB);
  assert.deepEqual(objectsToCompile(scene), [both]);
});
