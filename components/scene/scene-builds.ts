// Where the page gets each scene build: from the scene-build worker, once per (scene, seed, tier)
// for the page's lifetime, so world generation never blocks the main thread. Where no worker can
// run (no Worker, or a bundle without the worker file, like the render server's page) it builds
// here instead, after yielding, and says so on window.__yunshanWorldBuilds.
import type { SceneId } from '@/scenes/routes/route-schema';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import { SceneBuilder, sceneBuildKey, type SceneBuild, type SceneBuildOf, type SceneBuildRequest } from '@/scenes/world/scene-build';
import type { SceneBuildReply } from './scene-build-protocol';

export type SceneBuildSite = 'worker' | 'main-thread';

export interface SceneBuildRecord {
  scene: SceneId;
  seed: number;
  tier: QualityTier;
  where: SceneBuildSite;
}

declare global {
  interface Window {
    /** Every scene build this page received, in order, and where it was built: tests and the bench read it. */
    __yunshanWorldBuilds?: SceneBuildRecord[];
  }
}

interface Pending {
  resolve(build: SceneBuild): void;
  reject(error: Error): void;
}

const builds = new Map<string, Promise<SceneBuild>>();
const settled = new Map<string, SceneBuild>();
const pending = new Map<number, Pending>();
let nextRequestId = 0;
/** undefined: not started yet; null: no worker on this page. */
let worker: Worker | null | undefined;
let localBuilder: SceneBuilder | null = null;

function failPending(error: Error): void {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
}

function sceneBuildWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === 'undefined') return null;
  try {
    const started = new Worker(new URL('./scene-build.worker.ts', import.meta.url), { type: 'module', name: 'scene-build' });
    started.onmessage = (event: MessageEvent<SceneBuildReply>) => {
      const reply = event.data;
      const request = pending.get(reply.id);
      if (!request) return;
      pending.delete(reply.id);
      if (reply.ok) request.resolve(reply.build);
      else request.reject(new Error(reply.error));
    };
    // A worker that cannot load (its script missing from this bundle) or that crashed: build here from now on.
    started.onerror = (event) => {
      event.preventDefault();
      started.terminate();
      worker = null;
      failPending(new Error(`The scene-build worker failed: ${event.message || 'it could not start'}`));
    };
    worker = started;
  } catch {
    worker = null;
  }
  return worker;
}

function buildInWorker(request: SceneBuildRequest): Promise<SceneBuild> {
  const target = sceneBuildWorker();
  if (!target) return Promise.reject(new Error('No scene-build worker on this page'));
  const id = nextRequestId++;
  return new Promise<SceneBuild>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ id, ...request });
  });
}

async function buildHere(request: SceneBuildRequest): Promise<SceneBuild> {
  // A macrotask first: the page paints (the loading veil) before the long build.
  await new Promise((resolve) => setTimeout(resolve, 0));
  localBuilder ??= new SceneBuilder();
  return localBuilder.build(request);
}

function record(request: SceneBuildRequest, where: SceneBuildSite): void {
  if (typeof window === 'undefined') return;
  (window.__yunshanWorldBuilds ??= []).push({ ...request, where });
}

async function load(request: SceneBuildRequest): Promise<SceneBuild> {
  let build: SceneBuild;
  let where: SceneBuildSite = 'worker';
  try {
    build = await buildInWorker(request);
  } catch (error) {
    if (worker !== null) console.warn('Building the scene on the main thread:', error);
    where = 'main-thread';
    build = await buildHere(request);
  }
  record(request, where);
  settled.set(sceneBuildKey(request), build);
  return build;
}

/** The build of a scene at a tier; one build per key for the page's lifetime. */
export function sceneBuildFor<S extends SceneId>(scene: S, seed: number, tier: QualityTier): Promise<SceneBuildOf<S>> {
  const request = { scene, seed, tier };
  const key = sceneBuildKey(request);
  let build = builds.get(key);
  if (!build) {
    build = load(request);
    // A failed build may be asked for again (a remount), not remembered as failed.
    build.catch(() => builds.delete(key));
    builds.set(key, build);
  }
  return build as Promise<SceneBuildOf<S>>;
}

/** The build if it has already arrived: a remount then draws in its first frame. */
export function settledSceneBuild<S extends SceneId>(scene: S, seed: number, tier: QualityTier): SceneBuildOf<S> | null {
  return (settled.get(sceneBuildKey({ scene, seed, tier })) as SceneBuildOf<S> | undefined) ?? null;
}
