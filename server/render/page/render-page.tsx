// The render page's entry, bundled by esbuild and loaded by each headless Chromium renderer:
// mounts the visitor's own FlightCanvas (at the bake tier unless told otherwise) with the frame loop stopped, and
// draws, encodes and ships frames when Node asks (window.__yunshanRender).
import { createRoot } from 'react-dom/client';
import { FlightCanvas, type FlightRendererControl } from '@/components/scene/FlightCanvas';
import type { Route } from '@/scenes/routes/route-schema';
import type { SceneTier } from '@/scenes/world/quality-tiers';
import type { ProfileProjection } from '@/scenes/protocol/profile-ladder';
import { SphereCapture } from '@/components/scene/omni/SphereCapture';
import { createSphereCaptureControl, type SphereCaptureControl } from '@/components/scene/omni/sphere-capture-control';
import { CUBE_FACES, faceSizeFor } from '@/components/scene/omni/cube-faces';
import { frameTimestampUs } from '@/scenes/protocol/frame-timing';
import { WEBCODECS_CODEC_STRINGS } from '@/scenes/protocol/codec-choice';
import { openChunkSocket, yieldToTasks, type ChunkSocket } from './chunk-socket';
import type { RenderPageApi, RenderPageInfo, SegmentJob, SegmentJobResult, StillJob } from './render-page-api';
import { canvasBlob, createJpegSegmentEncoder, createVideoSegmentEncoder, type SegmentEncoder } from './segment-encoders';
import { farawayTimeS } from './view-history-reset';
import { createQualityProbe } from './encode-quality-probe';
import { createFrameGate } from './frame-gate';

const SOCKET_OPEN_TIMEOUT_MS = 10_000;
const RESIZE_TIMEOUT_MS = 10_000;

interface MountedScene {
  key: string;
  route: Route;
  control: FlightRendererControl;
  /** Set when every frame is the whole sphere: which face the next advance draws. */
  sphere: SphereCaptureControl | null;
}

function probeWebGl(): RenderPageInfo {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) return { glRenderer: 'none', webgl2: false };
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const glRenderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { glRenderer, webgl2: true };
}

/** Waits a macrotask at a time: ResizeObserver and React commits need the event loop to turn. */
async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  }
}

/** One pixel read back makes the GPU finish the frame, without copying the frame out. */
function finishGpu(control: FlightRendererControl): void {
  const gl = control.gl.getContext();
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

async function start(): Promise<RenderPageApi> {
  const params = new URLSearchParams(location.search);
  const info = probeWebGl();
  const socket: ChunkSocket = await openChunkSocket(
    `ws://${location.host}/chunks?renderer=${params.get('renderer') ?? ''}`,
    SOCKET_OPEN_TIMEOUT_MS,
  );
  const container = document.getElementById('scene');
  if (!container) throw new Error('The render page has no #scene element');
  const root = createRoot(container);
  const gate = createFrameGate();

  let routeTimeS = 0;
  const getTimeS = () => routeTimeS;
  let mounted: MountedScene | null = null;
  let generation = 0;

  /**
   * Draws at route time t; with the frame loop stopped the R3F clock (cloud drift, ripples) reads t as well.
   * A sphere is six advances at the same t, one per cube face (SphereCapture), the last of which leaves the sphere on the canvas.
   */
  function drawAt(scene: Pick<MountedScene, 'control' | 'sphere'>, timeS: number): void {
    routeTimeS = timeS;
    if (scene.sphere === null) {
      scene.control.advance(timeS);
      return;
    }
    for (let face = 0; face < CUBE_FACES.length; face++) {
      scene.sphere.face = face;
      scene.control.advance(timeS);
    }
  }

  /** A hidden frame far along the route, so the next visible frame plans its level of detail from scratch. */
  function forgetViewHistory(scene: MountedScene, nextTimeS: number): void {
    scene.control.scene.visible = false;
    try {
      drawAt(scene, farawayTimeS(scene.route, nextTimeS));
    } finally {
      scene.control.scene.visible = true;
    }
  }

  async function setScene(
    route: Route,
    width: number,
    height: number,
    tier: SceneTier,
    projection: ProfileProjection,
  ): Promise<MountedScene> {
    const key = `${width}x${height}:${tier}:${projection}:${JSON.stringify(route)}`;
    if (projection === 'equirect' && width !== 2 * height)
      throw new Error(`A sphere frame is twice as wide as it is tall, not ${width}×${height}`);
    if (mounted?.key === key) return mounted;
    mounted = null;
    // A new key remounts the canvas: a fresh WebGL context and scene, so nothing carries over between routes.
    generation++;
    container!.style.width = `${width}px`;
    container!.style.height = `${height}px`;
    const sphere = projection === 'equirect' ? createSphereCaptureControl() : null;
    const control = await new Promise<FlightRendererControl>((resolve) => {
      root.render(
        <FlightCanvas key={generation} route={route} tier={tier} getTimeS={getTimeS} frameloop="never" onRendererReady={resolve}>
          {sphere && <SphereCapture control={sphere} faceSizePx={faceSizeFor(width)} />}
        </FlightCanvas>,
      );
    });
    const canvas = control.gl.domElement;
    await waitUntil(() => canvas.width === width && canvas.height === height, RESIZE_TIMEOUT_MS, `the canvas to become ${width}×${height}`);
    // The first draw compiles every shader; do it here so segment timings measure steady-state frames.
    drawAt({ control, sphere }, 0);
    finishGpu(control);
    mounted = { key, route, control, sphere };
    return mounted;
  }

  function requireScene(): MountedScene {
    if (!mounted) throw new Error('No scene is mounted: call setScene first');
    return mounted;
  }

  async function renderSegment(job: SegmentJob): Promise<SegmentJobResult> {
    const scene = requireScene();
    const canvas = scene.control.gl.domElement;
    const startMs = performance.now();
    forgetViewHistory(scene, job.firstFrame / job.fps);
    const encoderOptions = { ...job, width: canvas.width, height: canvas.height };
    const encoders: SegmentEncoder[] = [];
    // The bench's quality measure decodes what leaves and compares it with what was drawn.
    const probe =
      job.measureQuality && !job.renderOnly && job.codec === 'vp8'
        ? createQualityProbe(
            socket,
            job.vp9BitrateKbps === null ? [WEBCODECS_CODEC_STRINGS.vp8] : [WEBCODECS_CODEC_STRINGS.vp8, WEBCODECS_CODEC_STRINGS.vp9],
            canvas.width,
            canvas.height,
          )
        : null;
    const out = probe?.socket ?? socket;
    if (!job.renderOnly) {
      encoders.push(
        job.codec === 'vp8' ? await createVideoSegmentEncoder('vp8', encoderOptions, out) : createJpegSegmentEncoder(encoderOptions, out),
      );
      if (job.vp9BitrateKbps !== null) {
        encoders.push(await createVideoSegmentEncoder('vp9', { ...encoderOptions, bitrateKbps: job.vp9BitrateKbps, encoding: 1 }, out));
      }
    }
    let renderMs = 0;
    let advanceMs = 0;
    const waitedBeforeMs = gate.waitedMs();
    for (let i = 0; i < job.frameCount; i++) {
      await gate.pass();
      const index = job.firstFrame + i;
      const frameStartMs = performance.now();
      drawAt(scene, index / job.fps);
      advanceMs += performance.now() - frameStartMs;
      probe?.capture(canvas, index);
      if (encoders.length > 0) {
        const pending = Promise.all(encoders.map((encoder) => encoder.addFrame(canvas, index, frameTimestampUs(index, job.fps))));
        renderMs += performance.now() - frameStartMs;
        await pending;
        await yieldToTasks();
      } else {
        finishGpu(scene.control);
        renderMs += performance.now() - frameStartMs;
      }
    }
    let chunkCount = 0;
    for (const encoder of encoders) chunkCount += await encoder.finish();
    const quality = probe === null ? undefined : await probe.finish();
    socket.endRequest(job.requestId, chunkCount);
    const heldMs = gate.waitedMs() - waitedBeforeMs;
    return { chunkCount, renderMs, advanceMs, totalMs: performance.now() - startMs, heldMs, quality };
  }

  async function renderStill(job: StillJob): Promise<void> {
    const scene = requireScene();
    forgetViewHistory(scene, job.timeS);
    drawAt(scene, job.timeS);
    const blob = await canvasBlob(scene.control.gl.domElement, job.format === 'png' ? 'image/png' : 'image/jpeg', job.jpegQuality);
    const data = new Uint8Array(await blob.arrayBuffer());
    socket.sendChunk({ requestId: job.requestId, index: 0, timestampUs: Math.round(job.timeS * 1_000_000), key: true, data });
    socket.endRequest(job.requestId, 1);
  }

  return {
    info: () => info,
    setScene: async (route, width, height, tier, projection = 'flat') => {
      await setScene(route, width, height, tier, projection);
    },
    renderSegment,
    renderStill,
    setHeld: gate.setHeld,
  };
}

start().then(
  (api) => {
    window.__yunshanRender = api;
  },
  (error: unknown) => {
    window.__yunshanRenderError = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  },
);
