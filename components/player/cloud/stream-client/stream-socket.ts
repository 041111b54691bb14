// The browser's socket.io connection to a render node: WebSocket only, its own connection per
// node (a drain opens a second one to the next node), reconnecting by itself after a lost link.
import { io } from 'socket.io-client';
import { STREAM_SOCKET_PATH } from '@/scenes/protocol/stream-limits';
import type { StreamSocket } from './protocol-client';
import { CONNECT_TIMEOUT_MS } from './session-timing';

export function openStreamSocket(renderUrl: string): StreamSocket {
  return io(renderUrl, {
    path: STREAM_SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
    timeout: CONNECT_TIMEOUT_MS,
  });
}
