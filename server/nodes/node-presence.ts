// This render server as one node of several: its heartbeat into the registry, the choice of a
// node for a new viewer (or for its own viewers when it drains), and its exit from the registry.
import type { Logger } from '../log';
import { chooseRenderNode, spreadViewers } from './node-choice';
import type { NodeEntry } from './node-entry';
import { NodeHeartbeat } from './node-heartbeat';
import { RedisNodeRegistry } from './node-registry';

export interface NodePresenceOptions {
  redisUrl: string;
  prefix: string;
  ttlMs: number;
  nodeId: string;
  renderUrl: string;
  sceneVersion: string;
  maxSessions: number;
  sessions: () => number;
  draining: () => boolean;
  /** Throws when the frame store cannot be read: the node then says it is not healthy. */
  probeStore: () => Promise<void>;
  log: Logger;
}

export interface NodePresence {
  readonly nodeId: string;
  /** Every node in the registry now (this one included while it beats). */
  nodes(): Promise<NodeEntry[]>;
  /** The least-loaded node that can take a viewer of this node's scene version, or null. */
  choose(excludeSelf?: boolean): Promise<NodeEntry | null>;
  /** Where this node's viewers go when it drains: the other nodes, one per viewer, spread by load (fewer when they run out of room). */
  spreadOwnViewers(viewers: number): Promise<NodeEntry[]>;
  /** Writes this node's entry now (after a drain begins). */
  beat(): Promise<void>;
  /** Stops beating and takes this node out of the registry. */
  close(): Promise<void>;
}

export async function startNodePresence(options: NodePresenceOptions): Promise<NodePresence> {
  const { nodeId, log } = options;
  const registry = new RedisNodeRegistry(options.redisUrl, options.prefix, options.ttlMs, log);
  await registry.connect();
  const heartbeat = new NodeHeartbeat(
    registry,
    options.ttlMs,
    async () => ({
      nodeId,
      renderUrl: options.renderUrl,
      sceneVersion: options.sceneVersion,
      sessions: options.sessions(),
      maxSessions: options.maxSessions,
      healthy: await options.probeStore().then(
        () => true,
        () => false,
      ),
      draining: options.draining(),
    }),
    log,
  );
  await heartbeat.beat();
  heartbeat.start();
  return {
    nodeId,
    nodes: () => registry.list(),
    async choose(excludeSelf = false) {
      const nodes = await registry.list();
      return chooseRenderNode(nodes, { sceneVersion: options.sceneVersion, excludeNodeIds: excludeSelf ? [nodeId] : [] });
    },
    async spreadOwnViewers(viewers) {
      const nodes = await registry.list();
      return spreadViewers(nodes, { sceneVersion: options.sceneVersion, excludeNodeIds: [nodeId] }, viewers);
    },
    beat: () => heartbeat.beat(),
    async close() {
      await heartbeat.stop();
      await registry.remove(nodeId).catch((error: Error) => log.warn(`could not leave the node registry: ${error.message}`));
      await registry.close();
    },
  };
}
