// The render server's Prometheus metrics, kept by prom-client. One registry per server
// instance (never prom-client's global default), so several servers in one process (tests,
// a farm node beside its render server) keep their series apart. The small API below is all
// callers need: counters, gauges, and metrics read from live state at every scrape.
import { Counter, Gauge, Registry, type LabelValues } from 'prom-client';

export type MetricLabels<Name extends string = string> = Readonly<Partial<Record<Name, string>>>;

export interface CounterMetric<Name extends string> {
  inc(labels?: MetricLabels<Name>, by?: number): void;
}

export interface GaugeMetric<Name extends string> {
  set(value: number, labels?: MetricLabels<Name>): void;
}

export type CollectedSeries<Name extends string> = ReadonlyArray<{ labels?: MetricLabels<Name>; value: number }>;

function asLabelValues(labels: MetricLabels | undefined): LabelValues<string> {
  return (labels ?? {}) as LabelValues<string>;
}

export class MetricsRegistry {
  /** The Content-Type to serve render()'s text with (the Prometheus text format, 0.0.4). */
  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
  private readonly registry = new Registry();

  /** A counter; every label a series may carry is named up front (prom-client refuses others). */
  counter<Name extends string = never>(name: string, help: string, labelNames: readonly Name[] = []): CounterMetric<Name> {
    const counter = new Counter<string>({ name, help, labelNames, registers: [this.registry] });
    return { inc: (labels, by = 1) => counter.inc(asLabelValues(labels), by) };
  }

  gauge<Name extends string = never>(name: string, help: string, labelNames: readonly Name[] = []): GaugeMetric<Name> {
    const gauge = new Gauge<string>({ name, help, labelNames, registers: [this.registry] });
    return { set: (value, labels) => gauge.set(asLabelValues(labels), value) };
  }

  /** A metric whose series are read from live state at every scrape (a counter kept elsewhere, or a gauge). */
  collected<Name extends string = never>(
    name: string,
    help: string,
    type: 'counter' | 'gauge',
    collect: () => CollectedSeries<Name>,
    labelNames: readonly Name[] = [],
  ): void {
    const config = { name, help, labelNames, registers: [this.registry] };
    // Read afresh at every scrape: reset, then take the series as they are now.
    const refill = (metric: Counter<string> | Gauge<string>) => {
      metric.reset();
      for (const entry of collect()) {
        if (metric instanceof Counter) metric.inc(asLabelValues(entry.labels), entry.value);
        else metric.set(asLabelValues(entry.labels), entry.value);
      }
    };
    if (type === 'counter')
      new Counter<string>({
        ...config,
        collect: function (this: Counter<string>) {
          refill(this);
        },
      });
    else
      new Gauge<string>({
        ...config,
        collect: function (this: Gauge<string>) {
          refill(this);
        },
      });
  }

  /** Every metric in the Prometheus text exposition format, collected metrics read now. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
