// Which render node a tour page's browser streams from, when several nodes share a Redis
// registry: asked of the render server (server/web/render-server-client.ts, GET /api/render-node),
// which answers from the registry. Null (one node, nothing baked, no room, or the render server
// not answering) leaves the page on its configured render URL, never a broken page.
import 'server-only';
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
