// A node's heartbeat: its entry written to the registry every third of the TTL, so one late or
// lost beat does not drop it. The CPU figure is this process's share of the machine since the
// last beat.
import os from 'node:os';
import type { Logger } from '../log';
import type { NodeEntry } from './node-entry';
import type { RedisNodeRegistry } from './node-registry';

export type NodeFacts = Omit<NodeEntry, 'cpu' | 'heartbeatAtMs'>;

export class NodeHeartbeat {
  private timer: NodeJS.Timeout | null = null;
  private lastCpu = process.cpuUsage();
  private lastWallMs = performance.now();
  private beating: Promise<void> = Promise.resolve();

  constructor(
    private readonly registry: RedisNodeRegistry,
    private readonly ttlMs: number,
    private readonly facts: () => Promise<NodeFacts>,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.beat(), Math.max(100, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
  }

  /** Writes the entry now (also right after a change such as a drain, not to wait for the next beat). */
  beat(): Promise<void> {
    this.beating = this.beating.then(async () => {
      try {
        await this.registry.publish({ ...(await this.facts()), cpu: this.cpuShare(), heartbeatAtMs: Date.now() });
      } catch (error) {
        this.log.warn(`heartbeat not written: ${(error as Error).message}`);
      }
    });
    return this.beating;
  }

  /** Stops beating, after the beat in flight (its owner then takes the entry out). */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.beating;
  }

  private cpuShare(): number {
    const cpu = process.cpuUsage(this.lastCpu);
    const wallMs = performance.now();
    const elapsedUs = (wallMs - this.lastWallMs) * 1000 * os.availableParallelism();
    this.lastCpu = process.cpuUsage();
    this.lastWallMs = wallMs;
    return elapsedUs <= 0 ? 0 : Math.min(1, (cpu.user + cpu.system) / elapsedUs);
  }
}
