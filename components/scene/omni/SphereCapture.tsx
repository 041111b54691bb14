'use client';
// Draws a whole-sphere frame on the render page, one cube face per advance of the frame loop.
// Each advance turns the flight camera (already at the pose's position, see FlightCamera) to a
// face's 90° view before the scene's own frame callbacks run, so every per-view plan (the pillar
// forest's culling and level of detail) is made for that face; the face is then drawn to the
// screen, tone mapped and sRGB like any flat frame, into its cell of a 3×2 atlas, and after the
// last face the atlas is resampled into the equirect frame over the whole canvas.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import {
  FramebufferTexture,
  LinearFilter,
  Mesh,
  OrthographicCamera,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  Vector2,
  Vector4,
} from 'three';
import { ATLAS_COLUMNS, ATLAS_ROWS, CUBE_FACES } from './cube-faces';
import { createEquirectMaterial } from './equirect-material';
import type { SphereCaptureControl } from './sphere-capture-control';

/** After FlightCamera (-1) has put the camera at the pose, before the scene's callbacks (0) read it. */
const TURN_PRIORITY = -0.5;
/** Positive: R3F then leaves the drawing to this component. */
const DRAW_PRIORITY = 1;

export function SphereCapture({ control, faceSizePx }: { control: SphereCaptureControl; faceSizePx: number }) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);

  const resample = useMemo(() => {
    const atlas = new FramebufferTexture(faceSizePx * ATLAS_COLUMNS, faceSizePx * ATLAS_ROWS);
    atlas.magFilter = LinearFilter;
    atlas.minFilter = LinearFilter;
    const material = createEquirectMaterial(atlas, faceSizePx);
    const geometry = new PlaneGeometry(2, 2);
    const quad = new Mesh(geometry, material);
    quad.frustumCulled = false;
    const quadScene = new Scene();
    quadScene.add(quad);
    const dispose = () => {
      atlas.dispose();
      material.dispose();
      geometry.dispose();
    };
    return { atlas, quadScene, quadCamera: new OrthographicCamera(-1, 1, 1, -1, 0, 1), dispose };
  }, [faceSizePx]);
  useEffect(() => resample.dispose, [resample]);

  const saved = useMemo(() => ({ viewport: new Vector4(), origin: new Vector2(0, 0) }), []);

  useFrame(() => {
    if (!(camera instanceof PerspectiveCamera)) return;
    const face = CUBE_FACES[control.face];
    const [px, py, pz] = [camera.position.x, camera.position.y, camera.position.z];
    camera.up.set(...face.up);
    camera.lookAt(px + face.forward[0], py + face.forward[1], pz + face.forward[2]);
    camera.up.set(0, 1, 0);
    if (camera.fov !== 90 || camera.aspect !== 1) {
      camera.fov = 90;
      camera.aspect = 1;
      camera.updateProjectionMatrix();
    }
    camera.updateMatrixWorld();
  }, TURN_PRIORITY);

  useFrame(() => {
    const face = CUBE_FACES[control.face];
    const ratio = gl.getPixelRatio();
    const size = faceSizePx / ratio;
    gl.getViewport(saved.viewport);
    gl.setViewport(face.column * size, face.row * size, size, size);
    gl.setScissor(face.column * size, face.row * size, size, size);
    gl.setScissorTest(true);
    gl.render(scene, camera);
    gl.setScissorTest(false);
    gl.setViewport(saved.viewport);
    if (control.face !== CUBE_FACES.length - 1) return;
    gl.copyFramebufferToTexture(resample.atlas, saved.origin);
    gl.render(resample.quadScene, resample.quadCamera);
  }, DRAW_PRIORITY);

  return null;
}
