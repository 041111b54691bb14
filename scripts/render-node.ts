// `npm run render-node`: a render farm node that only bakes. It takes segments from the
// farm's Redis queue (YUNSHAN_REDIS_URL), stores them in the frame store (local disk shared
// with the render server, or object storage), and answers /healthz and /metrics. SIGTERM or
// SIGINT finishes the segment in hand (or gives it back after YUNSHAN_NODE_SHUTDOWN_GRACE_MS).
import { startRenderNodeService } from '../server/farm/render-node-service';
import { createLogger } from '../server/log';

const log = createLogger();
const running = await startRenderNodeService(process.env, log);
const nodeLog = log.child({ component: 'node' });

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
