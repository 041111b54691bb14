// A V8 CPU profile (DevTools' .cpuprofile) summed up as text: the functions with the most self
// time, and with the most time including what they called, each named by function, file and line.

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** V8's pseudo-frames: time not spent in page script. */
const PSEUDO_FRAMES = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

function frameName(node: CpuProfileNode): string {
  const file = node.callFrame.url.split('/').pop() || node.callFrame.url || '(native)';
  return `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
}

function topLines(totals: Map<string, number>, count: number): string {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${name}`)
    .join('\n');
}

export function summarizeCpuProfile(profile: CpuProfile, count = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (let index = 0; index < profile.samples.length; index++) {
    const node = byId.get(profile.samples[index]);
    if (!node) continue;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const name = PSEUDO_FRAMES.has(node.callFrame.functionName) ? node.callFrame.functionName : frameName(node);
    self.set(name, (self.get(name) ?? 0) + ms);
    if (PSEUDO_FRAMES.has(node.callFrame.functionName)) continue;
    // Each function once per sample, however deep its recursion.
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parentOf.get(id)) {
      const frame = byId.get(id);
      if (!frame || PSEUDO_FRAMES.has(frame.callFrame.functionName)) continue;
      const frameKey = frameName(frame);
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      inclusive.set(frameKey, (inclusive.get(frameKey) ?? 0) + ms);
    }
  }
  return `self time:\n${topLines(self, count)}\nincluding callees:\n${topLines(inclusive, count)}`;
}
