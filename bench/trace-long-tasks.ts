// A Chromium trace's long main-thread tasks, each with the events that take its time: the
// renderer's main thread is the one with the most RunTask time; inside a task, time goes to the
// innermost named event (a script's evaluation, a parse, a style or layout pass, a paint).

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string }; beginData?: { url?: string } };
}

const LONG_TASK_US = 50_000;
/** Events that name what a task did; anything else inside a task is looked through. */
const NAMED = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'UpdateLayoutTree',
  'RecalculateStyles',
  'Layout',
  'Paint',
  'PrePaint',
  'Layerize',
  'UpdateLayer',
  'Decode Image',
  'ImageDecodeTask',
  'FireAnimationFrame',
  'RunMicrotasks',
  'v8.run',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
  'BlinkGC.AtomicPhase',
  'XHRReadyStateChange',
  'ResourceReceivedData',
  'CommitLoad',
  'HitTest',
  'ScheduleStyleRecalculation',
]);

function label(event: TraceEvent): string {
  const url = event.args?.data?.url ?? event.args?.beginData?.url;
  const file = url ? url.split('/').pop()?.split('?')[0] || url : '';
  return file ? `${event.name} ${file.slice(0, 40)}` : event.name;
}

/** `everyEvent`: break tasks down by every trace event, not only the named kinds (for a task nothing named explains). */
export function summarizeLongTasks(events: TraceEvent[], everyEvent = false): string {
  const complete = events.filter((event) => event.ph === 'X' && typeof event.dur === 'number');
  const tasks = complete.filter((event) => event.name === 'RunTask');
  const busiest = new Map<string, number>();
  for (const task of tasks) busiest.set(`${task.pid}:${task.tid}`, (busiest.get(`${task.pid}:${task.tid}`) ?? 0) + (task.dur ?? 0));
  const mainThread = [...busiest].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = complete
    .filter((event) => `${event.pid}:${event.tid}` === mainThread)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const start = Math.min(...onMain.map((event) => event.ts));
  const lines: string[] = [];
  let total = 0;
  for (const task of onMain.filter((event) => event.name === 'RunTask' && (event.dur ?? 0) >= LONG_TASK_US)) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter(
      (event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end && (everyEvent || NAMED.has(event.name)),
    );
    // Self time of each named event: its duration less that of the named events directly inside
    // it (events come sorted by start, outer first, so a stack of open events finds the parent).
    const self = new Map<string, number>();
    const open: Array<{ event: TraceEvent; own: number }> = [];
    const close = (entry: { event: TraceEvent; own: number }) =>
      self.set(label(entry.event), (self.get(label(entry.event)) ?? 0) + Math.max(0, entry.own));
    for (const event of inside) {
      while (open.length > 0 && open[open.length - 1].event.ts + (open[open.length - 1].event.dur ?? 0) <= event.ts) close(open.pop()!);
      if (open.length > 0) open[open.length - 1].own -= event.dur ?? 0;
      open.push({ event, own: event.dur ?? 0 });
    }
    while (open.length > 0) close(open.pop()!);
    const named = [...self.values()].reduce((sum, value) => sum + value, 0);
    self.set('(nothing named)', (task.dur ?? 0) - named);
    total += Math.max(0, (task.dur ?? 0) - LONG_TASK_US);
    const parts = [...self]
      .filter(([, us]) => us >= 5_000)
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => `${name} ${Math.round(us / 1000)}`)
      .join(', ');
    lines.push(`  ${Math.round((task.dur ?? 0) / 1000)} ms at ${Math.round((task.ts - start) / 1000)} ms: ${parts}`);
  }
  return [`${lines.length} long tasks, ${Math.round(total / 1000)} ms over 50 ms in all (throttled)`, ...lines].join('\n');
}
