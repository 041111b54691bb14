'use client';
// Holds its children out of the picture until their shaders are compiled and linked, without
// blocking: linking waits on the driver, and a first draw that links a dozen programs blocks the
// main thread for hundreds of milliseconds on a phone. The compiles go an object per task and
// the links are awaited between tasks (precompilePrograms), not in the task that mounted the world.
import { precompilePrograms } from '@/components/player/render-choice/precompile-programs';
import { useThree } from '@react-three/fiber';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Group } from 'three';

export interface CompiledGroupProps {
  children: ReactNode;
  /** Called once the children are compiled and shown. */
  onCompiled?: () => void;
}

export function CompiledGroup({ children, onCompiled }: CompiledGroupProps) {
  const group = useRef<Group>(null);
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  const [shown, setShown] = useState(false);
  const onCompiledRef = useRef(onCompiled);
  useEffect(() => {
    onCompiledRef.current = onCompiled;
  }, [onCompiled]);

  useEffect(() => {
    const target = group.current;
    // Once shown it stays shown: hiding it again for a later compile would blank the picture.
    if (!target || shown) return;
    let current = true;
    // Hidden meanwhile: renderer.compile does not skip hidden objects.
    precompilePrograms(gl, target, {
      targetScene: scene,
      camera,
      keepGoing: () => current,
    })
      .catch((error: unknown) => console.warn('Compiling the scene ahead of drawing failed; its first frame compiles it', error))
      .then(() => {
        if (current) setShown(true);
      });
    return () => {
      current = false;
    };
  }, [gl, scene, camera, shown]);

  useEffect(() => {
    if (shown) onCompiledRef.current?.();
  }, [shown]);

  return (
    <group ref={group} visible={shown}>
      {children}
    </group>
  );
}
