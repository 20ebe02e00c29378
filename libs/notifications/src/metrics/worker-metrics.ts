import { Injectable } from '@nestjs/common';
import { Counter, Histogram, register, type CounterConfiguration, type HistogramConfiguration } from 'prom-client';

export type Channel = 'inbox' | 'email' | 'webhook';

const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600];

/** Delivery figures of the worker: from commit to queue, from commit to delivery, and failures per channel. */
@Injectable()
export class WorkerMetrics {
  private readonly relayLag = histogram({
    name: 'liaison_outbox_relay_lag_seconds',
    help: 'Time from an outbox row being committed to its job being queued',
    buckets: LATENCY_BUCKETS,
  });
  private readonly latency = histogram({
    name: 'liaison_notification_delivery_latency_seconds',
    help: 'Time from the change being committed to its delivery, per channel',
    labelNames: ['channel'],
    buckets: LATENCY_BUCKETS,
  });
  private readonly failures = counter({
    name: 'liaison_notification_delivery_failures_total',
    help: 'Failed delivery attempts per channel; final="true" when no attempt is left',
    labelNames: ['channel', 'final'],
  });

  relayed(rows: { created_at: Date }[]): void {
    const now = Date.now();
    for (const row of rows) this.relayLag.observe((now - new Date(row.created_at).getTime()) / 1000);
  }

  delivered(channel: Channel, occurredAt: string | Date): void {
    this.latency.observe({ channel }, (Date.now() - new Date(occurredAt).getTime()) / 1000);
  }

  failed(channel: Channel, final: boolean): void {
    this.failures.inc({ channel, final: String(final) });
  }
}

/** Metrics live in the process-wide registry; a second module instance in one process reuses them. */
function histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
  return (register.getSingleMetric(config.name) as Histogram<L> | undefined) ?? new Histogram(config);
}

function counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
  return (register.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter(config);
}
