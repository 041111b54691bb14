'use client';
// A dark ring that closes in on fast turns (xr-comfort.ts). Drawn as a quad straight in clip
// space, so it sits fixed on each eye's view whatever the head does, over everything else.
import { useMemo, type RefObject } from 'react';
import { ShaderMaterial } from 'three';
import { VIGNETTE_GLSL } from './vignette-glsl';

const VERTEX = /* glsl */ `
  varying vec2 vUv;
  void main() {
    vUv = uv;
    gl_Position = vec4(position.xy, 0.0, 1.0);
  }
`;

const FRAGMENT = /* glsl */ `
  uniform float strength;
  varying vec2 vUv;
  ${VIGNETTE_GLSL}
  void main() {
    gl_FragColor = vec4(0.0, 0.0, 0.0, vignetteAlpha(vUv * 2.0 - 1.0, strength));
  }
`;

export function ComfortVignette({ materialRef }: { materialRef: RefObject<ShaderMaterial | null> }) {
  const material = useMemo(
    () =>
      new ShaderMaterial({
        uniforms: { strength: { value: 0 } },
        vertexShader: VERTEX,
        fragmentShader: FRAGMENT,
        transparent: true,
        depthTest: false,
        depthWrite: false,
      }),
    [],
  );
  materialRef.current = material;
  return (
    <mesh frustumCulled={false} renderOrder={1000} material={material}>
      <planeGeometry args={[2, 2]} />
    </mesh>
  );
}
