// `npm run render-node`: a render farm node that only bakes. It takes segments from the
// farm's Redis queue (YUNSHAN_REDIS_URL), stores them in the frame store (local disk shared
// with the render server, or object storage), and answers /healthz and /metrics. SIGTERM or
// SIGINT finishes the segment in hand (or gives it back after YUNSHAN_NODE_SHUTDOWN_GRACE_MS).
import { startRenderNodeService } from '../server/farm/render-node-service';
import { createLogger } from '../server/log';

const log = createLogger();
const nodeLog = log.child({ component: 'node' });
let running: Awaited<ReturnType<typeof startRenderNodeService>>;
try {
  running = await startRenderNodeService(process.env, log);
} catch (error) {
  // A node that cannot bake (no Chromium, a bad setting, an unusable bucket) has nothing to offer: say why and stop.
  nodeLog.error({ err: error }, `the render node cannot start: ${(error as Error).message}`);
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  nodeLog.info(`${signal}: finishing the segments in hand, then stopping`);
  await running.close();
  // Chromium and Redis sockets can keep the event loop alive after close; everything is closed by now.
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
