// Which render node a viewer is handed (server/nodes/node-choice.ts), and the 'draining' message
// both ends parse (scenes/protocol/drain-messages.ts): pure, no Redis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseRenderNode, spreadViewers } from '@/server/nodes/node-choice';
import { NodeEntrySchema, type NodeEntry } from '@/server/nodes/node-entry';
import { loadNodeRegistrySettings } from '@/server/nodes/node-settings';
import { parseServerMessage } from '@/scenes/protocol/server-messages';

const SCENE = 'w1-s1';

function node(nodeId: string, overrides: Partial<NodeEntry> = {}): NodeEntry {
  return NodeEntrySchema.parse({
    nodeId,
    renderUrl: `https://${nodeId}.render.example`,
    sceneVersion: SCENE,
    sessions: 0,
    maxSessions: 100,
    cpu: 0.1,
    healthy: true,
    draining: false,
    heartbeatAtMs: 1,
    ...overrides,
  });
}

test('the node with the smallest share of its cap in use wins, then the least CPU, then the id', () => {
  const nodes = [node('a', { sessions: 50 }), node('b', { sessions: 30, maxSessions: 50 }), node('c', { sessions: 40 })];
  assert.equal(chooseRenderNode(nodes, { sceneVersion: SCENE })?.nodeId, 'c');
  const tied = [node('b', { cpu: 0.5 }), node('a', { cpu: 0.5 }), node('c', { cpu: 0.2 })];
  assert.equal(chooseRenderNode(tied, { sceneVersion: SCENE })?.nodeId, 'c');
  assert.equal(chooseRenderNode(tied.slice(0, 2), { sceneVersion: SCENE })?.nodeId, 'a');
});

test('unhealthy, draining, full, excluded and other-release nodes are never chosen', () => {
  const nodes = [
    node('sick', { healthy: false }),
    node('leaving', { draining: true }),
    node('full', { sessions: 100 }),
    node('capless', { maxSessions: 0 }),
    node('old', { sceneVersion: 'w0-s0' }),
    node('self'),
  ];
  assert.equal(chooseRenderNode(nodes, { sceneVersion: SCENE, excludeNodeIds: ['self'] }), null);
  assert.equal(chooseRenderNode(nodes, { sceneVersion: SCENE })?.nodeId, 'self');
  assert.equal(chooseRenderNode([], { sceneVersion: SCENE }), null);
});

test('the registry is on only where Redis is configured; the drain defaults follow it', () => {
  assert.deepEqual(loadNodeRegistrySettings({}), { registry: null, drainMs: 0 });
  const farm = loadNodeRegistrySettings({ YUNSHAN_BAKE_QUEUE: 'redis' });
  assert.deepEqual(farm, { registry: { publicUrl: null, ttlMs: 15_000 }, drainMs: 20_000 });
  const explicit = loadNodeRegistrySettings({
    YUNSHAN_REDIS_URL: 'redis://10.0.0.5:6379',
    YUNSHAN_PUBLIC_RENDER_URL: 'https://render-2.example.com/',
    YUNSHAN_NODE_TTL_MS: '3000',
    YUNSHAN_DRAIN_MS: '0',
  });
  assert.deepEqual(explicit, { registry: { publicUrl: 'https://render-2.example.com', ttlMs: 3000 }, drainMs: 0 });
  assert.throws(() => loadNodeRegistrySettings({ YUNSHAN_NODE_TTL_MS: '10' }), /YUNSHAN_NODE_TTL_MS/);
});

test("'draining' parses with a node or HTTP as the way on, and nothing else", () => {
  const toNode = {
    reason: 'shutdown',
    closesInMs: 20_000,
    moveTo: { kind: 'node', renderUrl: 'https://render-2.example.com' },
    playheadFrame: 91,
  };
  const parsed = parseServerMessage('draining', toNode);
  assert.ok(parsed.ok && parsed.name === 'draining');
  assert.deepEqual(parsed.message, toNode);
  assert.ok(parseServerMessage('draining', { ...toNode, moveTo: { kind: 'http' }, playheadFrame: -1 }).ok);
  for (const bad of [
    { ...toNode, moveTo: { kind: 'node', renderUrl: 'javascript:alert(1)' } },
    { ...toNode, moveTo: { kind: 'node', renderUrl: 'https://x.example/?a=1' } },
    { ...toNode, moveTo: { kind: 'cdn' } },
    { ...toNode, reason: 'bored' },
    { ...toNode, closesInMs: -1 },
    { ...toNode, extra: true },
  ]) {
    assert.equal(parseServerMessage('draining', bad).ok, false, JSON.stringify(bad));
  }
});

test('a drain spreads its viewers over the other nodes by load, and sends what does not fit to HTTP', () => {
  // b has 10 of 100 in use, c 0 of 20: c takes viewers until its share reaches b's, then the lower share wins each time.
  const nodes = [node('a', { sessions: 7 }), node('b', { sessions: 10 }), node('c', { maxSessions: 20 }), node('sick', { healthy: false })];
  const spread = spreadViewers(nodes, { sceneVersion: SCENE, excludeNodeIds: ['a'] }, 6).map((entry) => entry.nodeId);
  assert.deepEqual(spread, ['c', 'c', 'b', 'c', 'b', 'b']);
  // The registry's entries are not changed by the count.
  assert.equal(nodes[2].sessions, 0);
  // Room for three more in all: the other viewers get no node (HTTP segments).
  const tight = [node('b', { sessions: 98 }), node('c', { sessions: 19, maxSessions: 20 })];
  assert.deepEqual(
    spreadViewers(tight, { sceneVersion: SCENE }, 5).map((entry) => entry.nodeId),
    ['c', 'b', 'b'],
  );
  assert.deepEqual(spreadViewers([], { sceneVersion: SCENE }, 3), []);
});
