import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Gauge, register } from 'prom-client';
import { runSql } from '@liaison/data';
import { OUTBOX_BACKLOG_SQL } from '../outbox/outbox.sql';
import { QUEUE_NAMES } from '../queues/queue-names';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
const COLLECT_TIMEOUT_MS = 2000;

/**
 * Queue depth per state (failed = exhausted jobs waiting for an admin) and the outbox backlog, read when
 * Prometheus scrapes. A dependency that does not answer in time leaves its gauges out rather than hang /metrics.
 */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly em: EntityManager,
  ) {}

  /** The gauges read this instance's queues (a second app in one process takes them over). */
  onModuleInit(): void {
    gauge(
      'liaison_queue_jobs',
      'Jobs per queue and state (failed: attempts exhausted, see /admin/queues)',
      async (set) => {
        for (const { queue, counts } of (await withTimeout(this.queueCounts())) ?? []) {
          for (const state of STATES) set(counts[state] ?? 0, { queue, state });
        }
      },
      ['queue', 'state'],
    );
    gauge('liaison_outbox_unpublished', 'Committed outbox rows not yet relayed to the queues', async (set) => {
      const backlog = await withTimeout(this.outboxBacklog());
      if (backlog) set(backlog.count);
    });
    gauge('liaison_outbox_oldest_unpublished_seconds', 'Age of the oldest outbox row not yet relayed', async (set) => {
      const backlog = await withTimeout(this.outboxBacklog());
      if (backlog) set(backlog.oldestSeconds);
    });
  }

  private async queueCounts(): Promise<{ queue: string; counts: Record<string, number> }[]> {
    return Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        return { queue: name, counts: await queue.getJobCounts(...STATES) };
      }),
    );
  }

  private async outboxBacklog(): Promise<{ count: number; oldestSeconds: number }> {
    const [row] = await runSql<{ count: string; oldest: number | null }>(this.em, OUTBOX_BACKLOG_SQL);
    return { count: Number(row.count), oldestSeconds: Number(row.oldest ?? 0) };
  }
}

type Setter = (value: number, labels?: Record<string, string>) => void;

function gauge(name: string, help: string, read: (set: Setter) => Promise<void>, labelNames: string[] = []): void {
  register.removeSingleMetric(name);
  const metric: Gauge<string> = new Gauge({
    name,
    help,
    labelNames,
    collect: () => read((value, labels) => (labels ? metric.set(labels, value) : metric.set(value))),
  });
}

async function withTimeout<T>(work: Promise<T> | undefined): Promise<T | null> {
  if (!work) return null;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), COLLECT_TIMEOUT_MS)));
  try {
    return await Promise.race([work.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
