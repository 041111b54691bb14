// The registry of render nodes in Redis: one key per node holding its entry as JSON, written
// with a TTL on every heartbeat, so a node that stops heart-beating drops out when its key
// expires, with nothing to clean up.
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import { NodeEntrySchema, type NodeEntry } from './node-entry';

/** Keys scanned per round trip; a registry holds tens of nodes, not thousands. */
const SCAN_COUNT = 200;

export class RedisNodeRegistry {
  private readonly redis: Redis;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly ttlMs: number,
    private readonly log?: Logger,
  ) {
    // One try per command: a heartbeat or a choice that cannot reach Redis fails at once and is
    // tried again on the next beat, rather than queueing behind a reconnect.
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    this.redis.on('error', (error: Error) => this.log?.warn(`node registry: ${error.message}`));
  }

  private keyOf(nodeId: string): string {
    return `${this.prefix}:render-node:${nodeId}`;
  }

  async connect(): Promise<void> {
    await this.redis.connect();
  }

  async publish(entry: NodeEntry): Promise<void> {
    await this.redis.set(this.keyOf(entry.nodeId), JSON.stringify(NodeEntrySchema.parse(entry)), 'PX', this.ttlMs);
  }

  async remove(nodeId: string): Promise<void> {
    await this.redis.del(this.keyOf(nodeId));
  }

  /** Every node whose entry has not expired; entries that do not parse (another release) are skipped. */
  async list(): Promise<NodeEntry[]> {
    const keys = new Set<string>();
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}:render-node:*`, 'COUNT', SCAN_COUNT);
      for (const key of found) keys.add(key);
      cursor = next;
    } while (cursor !== '0');
    if (keys.size === 0) return [];
    const values = await this.redis.mget(...keys);
    const entries: NodeEntry[] = [];
    for (const value of values) {
      if (value === null) continue; // expired between the scan and the read
      try {
        const parsed = NodeEntrySchema.safeParse(JSON.parse(value));
        if (parsed.success) entries.push(parsed.data);
      } catch {
        // not JSON: not ours to read
      }
    }
    return entries.sort((a, b) => a.nodeId.localeCompare(b.nodeId));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
