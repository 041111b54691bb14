'use client';
// Carries the visitor through the flight in the headset. The camera hangs from a rig that sits
// on the route's position and turns with its heading only (xr-comfort.ts): the headset's own
// pose does the looking, so the horizon stays level. three.js's WebXR manager draws into the
// session (React Three Fiber runs its frame loop on the session's frames); this component
// hands it the session the visitor asked for and takes it back when the session ends, leaving
// the page's look where the visitor's eye last looked, as the cloud path does.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Group, Vector3, type ShaderMaterial } from 'three';
import type { Route, Vec3 } from '@/scenes/routes/route-schema';
import { useLookStore } from '@/components/player/look/look-context';
import { ComfortVignette } from './ComfortVignette';
import { useImmersiveState, useImmersiveStore } from './immersive-context';
import { headingChange, rigAt, smoothTurnRate, vignetteFor } from './xr-comfort';
import { lookAfterHeadset } from './xr-sphere-view';

export function XRFlightRig({ route, getTimeS }: { route: Route; getTimeS: () => number }) {
  const immersive = useImmersiveStore();
  const { session } = useImmersiveState(immersive);
  const gl = useThree((state) => state.gl);
  const camera = useThree((state) => state.camera);
  const scene = useThree((state) => state.scene);
  const look = useLookStore();
  const rig = useMemo(() => new Group(), []);
  const vignette = useRef<ShaderMaterial | null>(null);
  const turn = useRef({ headingRad: 0, atMs: 0, rateRadPerS: 0 });
  /** The eye's last forward in the world (the rig's turn and the head's) and the route time it was drawn at. */
  const lastEye = useRef<{ timeS: number; forward: Vec3 } | null>(null);

  useEffect(() => {
    if (session === null) return;
    let current = true;
    scene.add(rig);
    rig.add(camera);
    gl.xr.enabled = true;
    gl.xr.setReferenceSpaceType('local');
    gl.xr.setSession(session).catch(() => {
      if (current) immersive.failed();
    });
    // A controller's grip is the way out that needs no menu.
    const leave = () => immersive.leave();
    session.addEventListener('squeeze', leave);
    // Leaving, the page's view goes on facing where the eye last looked, not back along the route.
    const keepLook = () => {
      const eye = lastEye.current;
      if (eye) look.setLookOffset(lookAfterHeadset(route, eye.timeS, eye.forward));
    };
    session.addEventListener('end', keepLook);
    lastEye.current = null;
    return () => {
      current = false;
      session.removeEventListener('squeeze', leave);
      session.removeEventListener('end', keepLook);
      rig.remove(camera);
      scene.remove(rig);
      gl.xr.enabled = false;
    };
  }, [session, gl, camera, scene, rig, immersive, look, route]);

  useFrame(() => {
    if (!gl.xr.isPresenting) return;
    const nowMs = performance.now();
    const timeS = getTimeS();
    const placed = rigAt(route, timeS, look.getLookOffset(nowMs).yawRad);
    rig.position.set(placed.position[0], placed.position[1], placed.position[2]);
    rig.rotation.set(0, placed.yawRad, 0);
    rig.updateMatrixWorld();
    const last = turn.current;
    const rate =
      last.atMs === 0 ? 0 : smoothTurnRate(last.rateRadPerS, headingChange(last.headingRad, placed.yawRad), (nowMs - last.atMs) / 1000);
    turn.current = { headingRad: placed.yawRad, atMs: nowMs, rateRadPerS: rate };
    const strength = vignetteFor(rate);
    if (vignette.current) vignette.current.uniforms.strength.value = strength;
    const axis = (x: number, y: number, z: number) => new Vector3(x, y, z).transformDirection(rig.matrixWorld).toArray();
    // The headset camera as last rendered (three.js updates it in render, after this): one frame old at most.
    const eyeForward = new Vector3(0, 0, -1).transformDirection(gl.xr.getCamera().matrixWorld).toArray();
    lastEye.current = { timeS, forward: eyeForward };
    window.__yunshanXR = {
      frames: (window.__yunshanXR?.frames ?? 0) + 1,
      timeS,
      position: placed.position,
      forward: axis(0, 0, -1),
      up: axis(0, 1, 0),
      vignette: strength,
      eyeForward,
    };
  }, -1);

  return session === null ? null : <ComfortVignette materialRef={vignette} />;
}
