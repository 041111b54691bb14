'use client';
// A dark ring that closes in on fast turns (xr-comfort.ts). Drawn as a quad straight in clip
// space, so it sits fixed on each eye's view whatever the head does, over everything else.
import { useMemo, type RefObject } from 'react';
import { ShaderMaterial } from 'three';

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
  void main() {
    float edge = length(vUv * 2.0 - 1.0);
    // Fully open near the centre at any strength; the dark edge creeps in as strength grows.
    float inner = mix(1.2, 0.35, strength);
    gl_FragColor = vec4(0.0, 0.0, 0.0, strength * smoothstep(inner, inner + 0.45, edge));
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
