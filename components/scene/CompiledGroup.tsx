'use client';
// Holds its children out of the picture until their shaders are compiled and linked, without
// blocking: linking waits on the driver, and a first draw that links a dozen programs blocks the
// main thread for hundreds of milliseconds on a phone. Where the browser lacks
// KHR_parallel_shader_compile, three resolves at once and the first draw links as before.
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
    // compileAsync walks only visible objects and starts every compile before it returns: shown for that moment, no frame between.
    target.visible = true;
    let compiled: Promise<unknown>;
    try {
      compiled = gl.compileAsync(target, camera, scene);
    } catch (error) {
      compiled = Promise.reject(error);
    } finally {
      target.visible = false;
    }
    compiled
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
