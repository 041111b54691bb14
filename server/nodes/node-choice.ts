// Which render node a new viewer goes to: the least-loaded one that can take it. Pure.
import type { NodeEntry } from './node-entry';

export interface NodeChoiceQuery {
  /** The scene version of the bake the viewer needs: only nodes of that release stream it. */
  sceneVersion: string;
  /** Nodes not to choose (the draining node itself). */
  excludeNodeIds?: readonly string[];
}

/** Whether a node may take one more viewer of a bake at `sceneVersion`. */
export function canTakeViewer(entry: NodeEntry, query: NodeChoiceQuery): boolean {
  return (
    entry.healthy &&
    !entry.draining &&
    entry.sceneVersion === query.sceneVersion &&
    entry.sessions < entry.maxSessions &&
    !(query.excludeNodeIds ?? []).includes(entry.nodeId)
  );
}

/**
 * The node with the smallest share of its session cap in use; between equals the one with
 * the least CPU in use, then by id, so every node answers the same for the same registry.
 */
export function chooseRenderNode(entries: readonly NodeEntry[], query: NodeChoiceQuery): NodeEntry | null {
  const candidates = entries.filter((entry) => canTakeViewer(entry, query));
  candidates.sort((a, b) => a.sessions / a.maxSessions - b.sessions / b.maxSessions || a.cpu - b.cpu || a.nodeId.localeCompare(b.nodeId));
  return candidates[0] ?? null;
}
