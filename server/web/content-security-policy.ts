// The Content-Security-Policy of every page, built per request: Next marks its own
// inline and bundle scripts with the nonce it finds in this header, and the player
// must reach the render server, which sits on another origin (port 3001 by default).

export interface ContentSecurityPolicyInput {
  /** Fresh and unguessable for each response. */
  nonce: string;
  /** The render server as the browser reaches it (publicRenderUrl): its HTTP and WebSocket origins are allowed. */
  renderServerUrl: string;
  /** A CDN the player fetches baked segments from over HTTP (YUNSHAN_PUBLIC_SEGMENT_URL), when not the render server. */
  segmentUrl?: string;
  /**
   * Every render node a page may be handed or moved to (YUNSHAN_RENDER_NODE_URLS): the registry's
   * choice and a draining node's successor must be reachable too. A `*.` host covers a fleet.
   */
  renderNodeUrls?: readonly string[];
  /** `next dev` needs eval for React's debugging aids; production never does. */
  development?: boolean;
}

export function contentSecurityPolicy({
  nonce,
  renderServerUrl,
  segmentUrl,
  renderNodeUrls = [],
  development = false,
}: ContentSecurityPolicyInput): string {
  const renderOrigins = [...new Set([renderServerUrl, ...renderNodeUrls].flatMap(renderServerOrigins))];
  const segmentOrigins = segmentUrl ? renderServerOrigins(segmentUrl).filter((origin) => origin.startsWith('http')) : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic' lets the nonced bundles load their own chunks (and the scene worker).
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // React writes style attributes (the player's layers, the map) and next/font inline
    // styles; a nonce cannot cover attributes, and styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Posters and thumbnails are data: and blob: URLs; decoded stream frames are blobs; the
    // render server serves the posters of routes baked after the site was built (studio, player).
    'img-src': ["'self'", 'data:', 'blob:', ...renderOrigins.filter((origin) => origin.startsWith('http'))],
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'worker-src': ["'self'", 'blob:'],
    // socket.io polls over HTTP(S) and upgrades to WebSocket on the render server; baked segments may come from a CDN.
    'connect-src': ["'self'", ...renderOrigins, ...segmentOrigins],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The render node URLs of a comma- or space-separated setting (YUNSHAN_RENDER_NODE_URLS); blanks dropped. */
export function renderNodeUrlList(setting: string | undefined): string[] {
  return (setting ?? '').split(/[\s,]+/).filter((url) => url !== '');
}

/** http(s):// and the matching ws(s):// origin of the render server; nothing for a URL that does not parse. */
export function renderServerOrigins(renderServerUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(renderServerUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  // A host that is a name (a leading `*.` for a fleet), an IPv4 or a bracketed IPv6 address, and a
  // port: nothing a setting could smuggle into the policy (the URL parser lets `;` through).
  if (!/^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(url.host)) return [];
  const socketScheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${socketScheme}//${url.host}`];
}
