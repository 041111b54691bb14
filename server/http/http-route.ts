// One entry of the render server's HTTP routing table, shared by render-http-server.ts and the
// route groups it mounts (segment-http-routes.ts).
import type http from 'node:http';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => Promise<void>;

export interface HttpRoute {
  pattern: RegExp;
  /** The methods it answers (default GET and HEAD); any other is a 405. */
  methods?: readonly string[];
  /** Only peers on this machine, or with the operator's bearer token. */
  operators?: true;
  /** Answers an OPTIONS preflight for cross-origin pages; without it OPTIONS is a 405. */
  preflight?: (request: http.IncomingMessage, response: http.ServerResponse) => void;
  handler: (match: RegExpExecArray) => Handler;
}
