// The render server as one of several nodes (on only where Redis is configured): its presence
// in the registry, socket.io's Redis adapter so that events sent to a room reach the viewers of
// every node, the web app's "which node?" answered from the registry, and the SIGTERM drain that
// sends this node's viewers to another node (else to HTTP segments).
import { Redis } from 'ioredis';
import type { DrainTarget } from '@/scenes/protocol/drain-messages';
import type { RenderNodeReply } from '@/server/render-api/render-api-contract';
import type { Logger } from '../log';
import type { DrainOutcome } from '../stream/stream-drain';
import type { StreamSignalling } from '../stream/stream-signalling';
import { startNodePresence, type NodePresence } from './node-presence';
import type { NodeRegistrySettings } from './node-settings';

export interface MultiNodeOptions {
  settings: NodeRegistrySettings;
  redisUrl: string;
  prefix: string;
  nodeId: string;
  /** This node's own URL, used when no public URL is configured (one machine, tests). */
  listenUrl: string;
  sceneVersion: string;
  maxSessions: number;
  stream: StreamSignalling;
  probeStore: () => Promise<void>;
  log: Logger;
}

export interface MultiNode {
  /** The node for a viewer of a revision whose bake is (or is not) ready. */
  chooseNode(bakeReady: boolean): Promise<RenderNodeReply>;
  /** Drains the stream side (SIGTERM); null where draining is off (one node without Redis, YUNSHAN_DRAIN_MS=0). */
  drain(): Promise<DrainOutcome | null>;
  close(): Promise<void>;
}

export async function startMultiNode(options: MultiNodeOptions): Promise<MultiNode> {
  const { settings, stream, log } = options;
  let presence: NodePresence | null = null;
  let adapterClients: Redis[] = [];
  if (settings.registry !== null) {
    const { createAdapter } = await import('@socket.io/redis-adapter');
    const pub = new Redis(options.redisUrl, { lazyConnect: true });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (error: Error) => log.warn(`socket.io adapter: ${error.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    adapterClients = [pub, sub];
    stream.io.adapter(createAdapter(pub, sub, { key: `${options.prefix}:socket.io` }));
    presence = await startNodePresence({
      redisUrl: options.redisUrl,
      prefix: options.prefix,
      ttlMs: settings.registry.ttlMs,
      nodeId: options.nodeId,
      renderUrl: settings.registry.publicUrl ?? options.listenUrl,
      sceneVersion: options.sceneVersion,
      maxSessions: options.maxSessions,
      sessions: () => stream.sessionCount(),
      draining: () => stream.isDraining(),
      probeStore: options.probeStore,
      log,
    });
    log.info(`node ${options.nodeId} in the render node registry as ${settings.registry.publicUrl ?? options.listenUrl}`);
  }

  return {
    async chooseNode(bakeReady) {
      if (presence === null) return { node: null, reason: 'single-node' };
      if (!bakeReady) return { node: null, reason: 'not-baked' };
      try {
        const chosen = await presence.choose();
        return chosen === null
          ? { node: null, reason: 'no-room' }
          : { node: { nodeId: chosen.nodeId, renderUrl: chosen.renderUrl }, reason: 'chosen' };
      } catch (error) {
        log.warn(`render node choice: the registry did not answer (${(error as Error).message})`);
        return { node: null, reason: 'registry-unavailable' };
      }
    },
    async drain() {
      if (settings.drainMs === 0 || stream.isDraining()) return null;
      let targets: DrainTarget[] = [];
      try {
        const others = (await presence?.spreadOwnViewers(stream.sessionCount())) ?? [];
        targets = others.map((entry) => ({ kind: 'node', renderUrl: entry.renderUrl }));
      } catch (error) {
        log.warn(`drain: the registry did not answer (${(error as Error).message}); viewers go to HTTP segments`);
      }
      const viewers = stream.sessionCount();
      const running = stream.drain(targets, settings.drainMs);
      // Out of the registry's choices at once, not at the next beat.
      await presence?.beat();
      log.info(`draining ${viewers} viewer(s): ${describeSpread(targets, viewers)}`);
      const outcome = await running;
      log.info(`drained: ${outcome.moved} viewer(s) moved, ${outcome.cut} cut at the deadline`);
      return outcome;
    },
    async close() {
      await presence?.close();
      presence = null;
      await Promise.all(adapterClients.map((client) => client.quit().catch(() => client.disconnect())));
      adapterClients = [];
    },
  };
}

/** "2 to http://b, 1 to http://c, 1 to HTTP segments", for the log. */
function describeSpread(targets: readonly DrainTarget[], viewers: number): string {
  const counts = new Map<string, number>();
  for (const target of targets) if (target.kind === 'node') counts.set(target.renderUrl, (counts.get(target.renderUrl) ?? 0) + 1);
  const parts = [...counts].map(([url, count]) => `${count} to ${url}`);
  if (viewers > targets.length) parts.push(`${viewers - targets.length} to HTTP segments`);
  return parts.join(', ') || 'none';
}
