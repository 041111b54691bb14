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

/**
 * Where a draining node's viewers go: one node per viewer, each to the node least loaded once the
 * viewers placed before it are counted, so a drain fills the others evenly instead of piling onto
 * the one that was emptiest when it began. Shorter than `viewers` when the others run out of
 * room: the rest go to HTTP segments.
 */
export function spreadViewers(entries: readonly NodeEntry[], query: NodeChoiceQuery, viewers: number): NodeEntry[] {
  const loads = entries.filter((entry) => canTakeViewer(entry, query)).map((entry) => ({ ...entry }));
  const placed: NodeEntry[] = [];
  for (let viewer = 0; viewer < viewers; viewer++) {
    const next = chooseRenderNode(loads, query);
    if (next === null) break;
    placed.push(entries.find((entry) => entry.nodeId === next.nodeId)!);
    next.sessions += 1;
  }
  return placed;
}
