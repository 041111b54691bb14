// A node:test reporter that prints how long each test file took, slowest first, once the
// run ends: the suite's time budget (about 30 minutes on 2 cores) is spent file by file, and
// the spec reporter only times single tests, not a file's before/after hooks (fixture bakes,
// server and browser start-up). A file runs from its dequeue to its complete event; with
// --test-concurrency=1 those spans do not overlap, so they add up to the phase's time.
// It also names any file whose process ended badly (an exit code or a signal) rather than by a
// failing assertion, which the spec reporter shows only as 'test failed': a native crash
// (SIGSEGV) in a test process says nothing else.
export default async function* fileTimesReporter(source) {
  const startedAt = new Map();
  const seconds = new Map();
  const endedBadly = [];
  for await (const event of source) {
    const { file, name, nesting } = event.data ?? {};
    // A file's own events carry its path as their name, at the top level.
    if (!file || name !== file || nesting !== 0) continue;
    if (event.type === 'test:dequeue') startedAt.set(file, performance.now());
    if (event.type === 'test:fail') {
      const error = event.data.details?.error;
      const signal = error?.signal ?? error?.cause?.signal ?? null;
      const exitCode = error?.exitCode ?? error?.cause?.exitCode ?? null;
      if (signal !== null || exitCode !== null) endedBadly.push({ file, signal, exitCode });
    }
    if (event.type === 'test:complete' && startedAt.has(file)) seconds.set(file, (performance.now() - startedAt.get(file)) / 1000);
  }
  const rows = [...seconds].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, s]) => sum + s, 0);
  yield `Time per test file, slowest first (${rows.length} files, ${(total / 60).toFixed(1)} min in all):\n`;
  const root = process.cwd() + '/';
  const relative = (file) => (file.startsWith(root) ? file.slice(root.length) : file);
  for (const [file, s] of rows) yield `${s.toFixed(1).padStart(7)} s  ${relative(file)}\n`;
  if (endedBadly.length > 0) {
    yield 'Files whose process ended badly:\n';
    for (const { file, signal, exitCode } of endedBadly)
      yield `  ${relative(file)}: ${signal !== null ? `signal ${signal}` : `exit code ${exitCode}`}\n`;
  }
}
