import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { runSql } from '@liaison/data';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { claimOutboxBatchSql } from '../outbox/outbox.sql';
import { OutboxJobs } from './outbox-jobs';
import { OutboxPublisher } from './outbox-publisher';
import type { OutboxRow } from './outbox-row';

/**
 * Moves committed outbox rows into BullMQ and marks them published, in one transaction per batch: a row is marked
 * only if its jobs were accepted by Redis (and the inbox entries of its notices are written in that transaction).
 * Rows locked by another replica are skipped (FOR UPDATE SKIP LOCKED); a crash before commit leaves them unpublished
 * for the next pass, whose push is a no-op for jobs already queued.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private draining: Promise<void> | null = null;
  private wokenWhileDraining = false;

  constructor(
    private readonly em: EntityManager,
    private readonly jobs: OutboxJobs,
    private readonly publisher: OutboxPublisher,
    private readonly metrics: WorkerMetrics,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** Called on NOTIFY and by the poll: drains everything unpublished, one pass at a time. */
  wake(): Promise<void> {
    if (this.draining) {
      this.wokenWhileDraining = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => (this.draining = null));
    return this.draining;
  }

  /**
   * Each pass may first let the commits of the next `gatherMs` join it (OUTBOX_GATHER_MS, off by default): one pass
   * then carries many rows (one claim, one fan-out, one addBulk per queue), but queues its jobs in bursts.
   */
  private async drain(): Promise<void> {
    do {
      this.wokenWhileDraining = false;
      await new Promise((gathered) => setTimeout(gathered, this.config.relay.gatherMs));
      if (!(await this.publisher.available())) return; // Redis away: rows wait, the poll tries again
      try {
        while ((await this.relayBatch()) === this.config.relay.batchSize);
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox relay pass failed; rows stay unpublished until the next pass');
        return;
      }
    } while (this.wokenWhileDraining);
  }

  /** One batch in one transaction; returns how many rows it published. */
  async relayBatch(): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const rows = await runSql<OutboxRow>(tx, claimOutboxBatchSql(this.config.relay.batchSize));
      if (rows.length === 0) return 0;
      rows.sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at) || (a.id < b.id ? -1 : 1));
      await this.publisher.publish(await this.jobs.of(tx, rows));
      this.metrics.relayed(rows);
      return rows.length;
    });
  }
}
