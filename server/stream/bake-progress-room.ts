// Bake progress pushed to the viewers waiting for a bake: a viewer answered 'not-baked' joins its
// revision's room, and the render server that follows the bake (the farm's dispatcher, or the
// one baking it) sends the room a fresh 'not-baked' on every progress update. With several nodes
// socket.io's Redis adapter carries the send to the room's viewers on every node, so a viewer on
// a node that only streams sees the same progress as the studio.
import type { Server } from 'socket.io';
import type { ClientToServerEvents } from '@/scenes/protocol/client-messages';
import type { ServerToClientEvents } from '@/scenes/protocol/server-messages';
import type { BakedRouteSource } from './baked-route-source';

const ROOM_PREFIX = 'bake-progress:';

export function bakeProgressRoom(routeId: string, revision: number): string {
  return `${ROOM_PREFIX}${routeId}@${revision}`;
}

export function isBakeProgressRoom(room: string): boolean {
  return room.startsWith(ROOM_PREFIX);
}

type StreamServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Sends a revision's progress to its waiting viewers on each update; nothing once a profile is
 * baked (their next join streams it). Updates that come while one is being read are folded
 * into one more read after it, so a burst costs two reads, and the last state is always sent.
 */
export class BakeProgressPublisher {
  private readonly running = new Map<string, { again: boolean }>();

  constructor(
    private readonly io: StreamServer,
    private readonly source: BakedRouteSource,
    private readonly onError: (error: unknown) => void,
  ) {}

  update(routeId: string, revision: number): void {
    const room = bakeProgressRoom(routeId, revision);
    const current = this.running.get(room);
    if (current !== undefined) {
      current.again = true;
      return;
    }
    const state = { again: false };
    this.running.set(room, state);
    void (async () => {
      try {
        do {
          state.again = false;
          const lookup = await this.source.lookup(routeId, revision);
          if (lookup.kind === 'not-baked') this.io.to(room).emit('not-baked', lookup.progress);
        } while (state.again);
      } catch (error) {
        this.onError(error);
      } finally {
        this.running.delete(room);
      }
    })();
  }
}
