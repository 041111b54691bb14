// A node:test reporter that prints how long each test file took, slowest first, once the
// run ends: the suite's time budget (about 30 minutes on 2 cores) is spent file by file, and
// the spec reporter only times single tests, not a file's before/after hooks (fixture bakes,
// server and browser start-up). A file runs from its dequeue to its complete event; with
// --test-concurrency=1 those spans do not overlap, so they add up to the phase's time.
export default async function* fileTimesReporter(source) {
  const startedAt = new Map();
  const seconds = new Map();
  for await (const event of source) {
    const { file, name, nesting } = event.data ?? {};
    // A file's own events carry its path as their name, at the top level.
    if (!file || name !== file || nesting !== 0) continue;
    if (event.type === 'test:dequeue') startedAt.set(file, performance.now());
    if (event.type === 'test:complete' && startedAt.has(file)) seconds.set(file, (performance.now() - startedAt.get(file)) / 1000);
  }
  const rows = [...seconds].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, s]) => sum + s, 0);
  yield `Time per test file, slowest first (${rows.length} files, ${(total / 60).toFixed(1)} min in all):\n`;
  const root = process.cwd() + '/';
  for (const [file, s] of rows) yield `${s.toFixed(1).padStart(7)} s  ${file.startsWith(root) ? file.slice(root.length) : file}\n`;
}
