// Which render node a tour page's browser streams from, when several nodes share a Redis
// registry: asked of the render server (server/web/render-server-client.ts, GET /api/render-node),
// which answers from the registry. Null (one node, nothing baked, no room, or the render server
// not answering) leaves the page on its configured render URL, never a broken page.
import 'server-only';
import { renderNodeUrlList, renderUrlAllowed } from '@/server/web/content-security-policy';
import { webServices } from '../_server/web-services';

export async function chosenRenderUrl(routeId: string, revision: number): Promise<string | null> {
  try {
    const reply = await (await webServices()).renderServer.renderNode({ routeId, revision });
    return reply.node?.renderUrl ?? null;
  } catch (error) {
    console.error('render node choice unavailable:', (error as Error).message);
    return null;
  }
}

/**
 * The registry's choice, if the page's Content-Security-Policy lets the browser reach it
 * (YUNSHAN_RENDER_NODE_URLS, see proxy.ts); a node missing from that list would be blocked,
 * so the page stays on its configured render server instead, and the operator is told.
 */
export function allowedNodeUrl(chosen: string | null, configuredUrl: string): string | null {
  if (chosen === null) return null;
  if (renderUrlAllowed(chosen, configuredUrl, renderNodeUrlList(process.env.YUNSHAN_RENDER_NODE_URLS))) return chosen;
  console.error(`render node ${chosen} is not in YUNSHAN_RENDER_NODE_URLS: the page keeps ${configuredUrl}`);
  return null;
}
