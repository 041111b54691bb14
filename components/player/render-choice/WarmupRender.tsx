'use client';
// A short, invisible render of the route at the phone tier, laid out at the stage's size behind
// the loading veil: the probe's truest question is how fast this device draws this very scene.
// Reports once; the player lazy-loads it, so three.js arrives only where a probe runs.
import { useCallback, useEffect, useRef, type CSSProperties } from 'react';
import type { Route } from '@/scenes/routes/route-schema';
import { FlightCanvas, type FlightRendererControl } from '@/components/scene/FlightCanvas';
import { CanvasErrorBoundary } from '../CanvasErrorBoundary';
import { useLatestRef } from '../use-latest-ref';
import type { WarmupResult } from './probe-device';
import { measureWarmupFrames } from './warmup-frames';

export interface WarmupRenderProps {
  route: Route;
  /** Called once with the median frame time, or { frameMs: null, frames: 0 } when drawing failed. Not called after unmount. */
  onDone: (result: WarmupResult) => void;
}

const FAILED: WarmupResult = { frameMs: null, frames: 0 };

// Laid out (so the canvas takes the stage's real pixel size) but unseen and untouchable.
// Opacity, not visibility: a visibility-hidden canvas may be skipped by the compositor, and
// the warm-up must cost what a visible frame costs.
const HIDDEN_STAGE: CSSProperties = { position: 'absolute', inset: 0, opacity: 0, pointerEvents: 'none' };

function nextTask(): Promise<void> {
  // A macrotask, not a microtask: the browser paints the veil between frames.
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function WarmupRender({ route, onDone }: WarmupRenderProps) {
  const onDoneRef = useLatestRef(onDone);
  const reportedRef = useRef(false);
  const startedRef = useRef(false);
  const unmountedRef = useRef(false);
  const timeRef = useRef(0);

  useEffect(() => {
    // Set again on (StrictMode's re-)mount: only a real unmount leaves it true.
    unmountedRef.current = false;
    return () => {
      unmountedRef.current = true;
    };
  }, []);

  const report = useCallback(
    (result: WarmupResult) => {
      if (reportedRef.current || unmountedRef.current) return;
      reportedRef.current = true;
      onDoneRef.current(result);
    },
    [onDoneRef],
  );

  const getTimeS = useCallback(() => timeRef.current, []);

  const onRendererReady = useCallback(
    (control: FlightRendererControl) => {
      // StrictMode and prop changes may announce the renderer again: measure once.
      if (startedRef.current) return;
      startedRef.current = true;
      const gl = control.gl.getContext();
      const gl2 = typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext ? gl : null;
      const pixel = new Uint8Array(4);
      let lost = false;
      const onLost = () => {
        lost = true;
      };
      control.gl.domElement.addEventListener('webglcontextlost', onLost);
      // FlightCanvas announces the renderer once every program is compiled and linked (a few per
      // task), so the first frame here does not link them all in one long task.
      measureWarmupFrames(route.durationS, {
        draw(timeS) {
          timeRef.current = timeS;
          control.advance(timeS);
        },
        async finish() {
          const sync = gl2?.fenceSync(gl2.SYNC_GPU_COMMANDS_COMPLETE, 0) ?? null;
          if (gl2 === null || sync === null) {
            gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
            return;
          }
          gl2.flush();
          try {
            while (gl2.getSyncParameter(sync, gl2.SYNC_STATUS) !== gl2.SIGNALED && !gl2.isContextLost()) await nextTask();
          } finally {
            gl2.deleteSync(sync);
          }
        },
        nowMs: () => performance.now(),
        async yieldBetweenFrames() {
          await nextTask();
          return !unmountedRef.current;
        },
        usable: () => !lost && !gl.isContextLost(),
      })
        .catch((error: unknown) => {
          console.warn('The warm-up render failed', error);
          return null;
        })
        .then((result) => {
          control.gl.domElement.removeEventListener('webglcontextlost', onLost);
          report(result ?? FAILED);
        });
    },
    [route.durationS, report],
  );

  const onError = useCallback(() => report(FAILED), [report]);

  return (
    <div style={HIDDEN_STAGE} aria-hidden="true" data-testid="warmup-render">
      <CanvasErrorBoundary fallback={null} onError={onError}>
        <FlightCanvas route={route} tier="phone" getTimeS={getTimeS} frameloop="never" onRendererReady={onRendererReady} />
      </CanvasErrorBoundary>
    </div>
  );
}
