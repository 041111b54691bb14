// Render server entry point: `npm run render-server` (or beside the web app via `npm start`).
// Runs on its own; it never needs the Next.js app. Logs readable lines, or JSON lines with
// YUNSHAN_LOG_FORMAT=json.
import { createLogger, logFormatFromEnv } from './log';
import { loadRenderServerConfig } from './render-server-config';
import { startRenderServer } from './render-server';
import { describeFrameStoreSettings } from './frame-store/frame-store-settings';

const config = loadRenderServerConfig();
const log = createLogger({ format: logFormatFromEnv() });
const server = await startRenderServer(config, log);
const renderLog = log.child({ component: 'render' });
renderLog.info(`Render server on ${server.url} (frames in ${describeFrameStoreSettings(config.frameStore)})`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  renderLog.info(`${signal}: stopping`);
  // SIGTERM (a deploy, a scale-in) first moves the viewers to another node; Ctrl-C stops at once.
  if (signal === 'SIGTERM') await server.drain();
  const forced = setTimeout(() => process.exit(1), 15_000);
  forced.unref();
  await server.close();
  // Chromium and native modules can keep the event loop alive after close; everything is closed by now.
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
