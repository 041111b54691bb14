// A small Prometheus registry: counters and gauges with labels, rendered in the text
// exposition format for /metrics. Enough for a handful of series; no dependency.

type Labels = Readonly<Record<string, string>>;

interface Series {
  labels: Labels;
  value: number;
}

interface Metric {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  series: Map<string, Series>;
  /** Gauges may be computed when scraped instead of set. */
  collect?: () => ReadonlyArray<{ labels?: Labels; value: number }>;
}

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '';
  return `{${keys.map((key) => `${key}="${escapeLabelValue(labels[key])}"`).join(',')}}`;
}

export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>();

  counter(name: string, help: string): { inc(labels?: Labels, by?: number): void } {
    const metric = this.register(name, help, 'counter');
    return {
      inc: (labels = {}, by = 1) => {
        if (by < 0) throw new Error(`counter ${name} cannot decrease`);
        const key = labelKey(labels);
        const series = metric.series.get(key) ?? { labels, value: 0 };
        series.value += by;
        metric.series.set(key, series);
      },
    };
  }

  gauge(name: string, help: string): { set(value: number, labels?: Labels): void } {
    const metric = this.register(name, help, 'gauge');
    return {
      set: (value, labels = {}) => {
        metric.series.set(labelKey(labels), { labels, value });
      },
    };
  }

  /** A metric whose series are read from live state at every scrape (a counter kept elsewhere, or a gauge). */
  collected(name: string, help: string, type: Metric['type'], collect: NonNullable<Metric['collect']>): void {
    this.register(name, help, type).collect = collect;
  }

  render(): string {
    const lines: string[] = [];
    for (const metric of this.metrics.values()) {
      lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
      const series = metric.collect
        ? metric.collect().map((entry) => ({ labels: entry.labels ?? {}, value: entry.value }))
        : [...metric.series.values()];
      for (const entry of series) lines.push(`${metric.name}${formatLabels(entry.labels)} ${Number.isFinite(entry.value) ? entry.value : 'NaN'}`);
    }
    return `${lines.join('\n')}\n`;
  }

  private register(name: string, help: string, type: Metric['type']): Metric {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) throw new Error(`invalid metric name ${name}`);
    if (this.metrics.has(name)) throw new Error(`metric ${name} registered twice`);
    const metric: Metric = { name, help, type, series: new Map() };
    this.metrics.set(name, metric);
    return metric;
  }
}
