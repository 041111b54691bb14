// The pool's loopback server: serves the render page to its Chromium renderers and receives
// their encoded frames over a binary WebSocket, handing each to the renderer it came from.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { chunkOf, decodeChunkMessage, type LabelledChunk } from '@/scenes/protocol/chunk-codec';
import { RequestEndMessageSchema, type RequestEndMessage } from './request-end-message';
import { RENDER_PAGE_HTML, renderPageBundle } from './render-page-bundle';

export interface ChunkListener {
  /** One whole chunk; its epoch is the request id. */
  onChunk(chunk: LabelledChunk): void;
  onRequestEnd(message: RequestEndMessage): void;
  /** The page's socket closed (page crashed or closed). */
  onSocketClosed(): void;
}

export interface RenderPageHost {
  /** The page's address for one renderer: its socket reports to the listener attached under that id. */
  pageUrl(rendererId: string): string;
  attach(rendererId: string, listener: ChunkListener): void;
  detach(rendererId: string): void;
  close(): Promise<void>;
}

export async function startRenderPageHost(): Promise<RenderPageHost> {
  const script = await renderPageBundle();
  const listeners = new Map<string, ChunkListener>();
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(RENDER_PAGE_HTML);
    } else if (pathname === '/render-page.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    } else {
      response.writeHead(404).end();
    }
  });
  const sockets = new WebSocketServer({ server, path: '/chunks', maxPayload: 64 * 1024 * 1024 });
  sockets.on('connection', (socket: WebSocket, request) => {
    const rendererId = new URL(request.url ?? '/', 'http://localhost').searchParams.get('renderer') ?? '';
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const listener = listeners.get(rendererId);
      if (!listener) return;
      // A dying page can send a torn frame: a throw here would escape into the socket's
      // event loop and take the whole process down. Drop the socket; its renderer fails.
      try {
        if (isBinary) {
          const fragment = decodeChunkMessage(toBytes(data));
          if (fragment.fragmentCount !== 1) throw new Error('the loopback sends whole chunks');
          listener.onChunk(chunkOf(fragment, fragment.payload));
        } else {
          listener.onRequestEnd(RequestEndMessageSchema.parse(JSON.parse(toBytes(data).toString())));
        }
      } catch {
        socket.terminate();
      }
    });
    // Without a listener, a protocol error (oversized or malformed frame) is thrown as an uncaught 'error'; 'close' follows it.
    socket.on('error', () => socket.terminate());
    socket.on('close', () => listeners.get(rendererId)?.onSocketClosed());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the page and its frames never leave this machine.
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    pageUrl: (rendererId) => `http://127.0.0.1:${port}/?renderer=${encodeURIComponent(rendererId)}`,
    attach: (rendererId, listener) => listeners.set(rendererId, listener),
    detach: (rendererId) => listeners.delete(rendererId),
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function toBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
