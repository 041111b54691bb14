// The scene-build worker: generates worlds and their meshes off the page's main thread (they
// take seconds on a phone) and posts each build back with its mesh buffers transferred.
import { SceneBuilder, meshBuffersOf, sceneBuildKey } from '@/scenes/world/scene-build';
import { sceneBuildRequestSchema, type SceneBuildReply } from './scene-build-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: SceneBuildReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const builder = new SceneBuilder();
/** A build's buffers leave with its reply, so the builder's cached copy of it is empty afterwards. */
const sent = new Set<string>();

scope.onmessage = (event) => {
  const parsed = sceneBuildRequestSchema.safeParse(event.data);
  if (!parsed.success) {
    const id = typeof (event.data as { id?: unknown })?.id === 'number' ? (event.data as { id: number }).id : -1;
    scope.postMessage({ id, ok: false, error: `Invalid scene-build request: ${parsed.error.message}` });
    return;
  }
  const { id, ...request } = parsed.data;
  const key = sceneBuildKey(request);
  if (sent.has(key)) {
    scope.postMessage({ id, ok: false, error: `The build ${key} was already handed over` });
    return;
  }
  try {
    const build = builder.build(request);
    sent.add(key);
    scope.postMessage({ id, ok: true, build }, meshBuffersOf(build));
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
