// Draining a node (SIGTERM): every viewer is told where to play on, and the node waits, for a
// bounded time, until they have left before it closes. Pure of sockets' details: the caller
// hands over the sessions as they are now.
import type { DrainTarget, DrainingMessage } from '@/scenes/protocol/drain-messages';
import type { SessionBindings, SessionBinding } from './session-bindings';

/** How often a drain looks whether its viewers have left. */
const DRAIN_POLL_MS = 100;

export interface DrainOutcome {
  /** Sessions that left on their own (moved) before the deadline. */
  moved: number;
  /** Sessions still here at the deadline, ended by the node. */
  cut: number;
}

export class StreamDrain {
  private readonly deadlineMs: number;
  /** Each session's target, kept so that a viewer told twice (it resumed here meanwhile) is told the same. */
  private readonly assigned = new Map<string, DrainTarget>();

  /** `targets`: one per viewer, handed out in order (spread over the other nodes by load); viewers beyond them go to HTTP. */
  constructor(
    readonly targets: readonly DrainTarget[],
    readonly closeAfterMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadlineMs = now() + closeAfterMs;
  }

  /** The message for one viewer: where to go, and the frame this node last knew on its screen. */
  messageFor(binding: SessionBinding): DrainingMessage {
    const id = binding.session.id;
    const target = this.assigned.get(id) ?? this.targets[this.assigned.size] ?? { kind: 'http' };
    this.assigned.set(id, target);
    return {
      reason: 'shutdown',
      closesInMs: Math.max(0, Math.round(this.deadlineMs - this.now())),
      moveTo: target,
      playheadFrame: Math.max(-1, Math.floor(binding.session.playheadFrame())),
    };
  }

  /** Tells every viewer with a socket, then waits until none is left or the deadline passes; ends any left. */
  async run(bindings: SessionBindings): Promise<DrainOutcome> {
    const started = bindings.size;
    for (const binding of bindings.all()) binding.socket?.emit('draining', this.messageFor(binding));
    while (bindings.size > 0 && this.now() < this.deadlineMs) {
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    }
    const cut = bindings.size;
    for (const binding of bindings.all()) bindings.endSession(binding);
    return { moved: started - cut, cut };
  }
}
