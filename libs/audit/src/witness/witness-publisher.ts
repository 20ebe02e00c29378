import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, register } from 'prom-client';
import { AuditCheckpointSchema, runSql } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { CheckpointView } from '../http/dto/checkpoint.view';
import { advanceWitnessCursorSql, witnessBacklogSql, witnessCursorSql } from './witness.sql';
import { publishToWitness, witnessKey, witnessLine, witnessTargetOf } from './witness-target';

const BATCH = 100;
const COLLECT_TIMEOUT_MS = 2000;

/**
 * In the worker: publishes every signed checkpoint, in order, to the witness outside the database (AUDIT_WITNESS),
 * at least once. The checkpoints are the durable record: the cursor moves only once the witness holds one, so a
 * failure (the witness down, the worker killed) leaves it to the next round, and nothing is lost. Failures show in
 * the metrics: `liaison_audit_witness_failures_total`, and `liaison_audit_witness_unpublished` keeps growing.
 */
@Injectable()
export class WitnessPublisher implements OnModuleInit {
  private readonly failures =
    (register.getSingleMetric('liaison_audit_witness_failures_total') as Counter | undefined) ??
    new Counter({
      name: 'liaison_audit_witness_failures_total',
      help: 'Failed attempts to publish a signed audit checkpoint to the witness (retried at the next round)',
    });

  constructor(
    private readonly em: EntityManager,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  onModuleInit(): void {
    const name = 'liaison_audit_witness_unpublished';
    register.removeSingleMetric(name);
    const gauge: Gauge = new Gauge({
      name,
      help: 'Signed audit checkpoints the witness does not hold yet',
      collect: async () => {
        const backlog = await withTimeout(this.unpublished());
        if (backlog !== null) gauge.set(backlog);
      },
    });
  }

  /** Publishes what the witness does not hold yet; answers how many it published, or throws at the first failure. */
  async publishPending(): Promise<number> {
    const target = witnessTargetOf(this.config.audit.witness);
    const witness = witnessKey(target);
    const em = this.em.fork();
    const [row] = await runSql<{ seq: number }>(em, witnessCursorSql(witness));
    let after = row?.seq ?? 0;
    let published = 0;
    for (;;) {
      const batch = await em.find(
        AuditCheckpointSchema,
        { seq: { $gt: after } },
        { orderBy: { seq: 'asc' }, limit: BATCH },
      );
      if (batch.length === 0) return published;
      for (const checkpoint of batch) {
        try {
          const line = witnessLine(CheckpointView.from(checkpoint));
          await publishToWitness(target, line, this.config.audit.witnessTimeoutMs);
        } catch (error) {
          this.failures.inc();
          throw error;
        }
        await runSql(em, advanceWitnessCursorSql(witness, checkpoint.seq, new Date()));
        after = checkpoint.seq;
        published += 1;
      }
    }
  }

  async unpublished(): Promise<number> {
    const witness = witnessKey(witnessTargetOf(this.config.audit.witness));
    const [row] = await runSql<{ unpublished: number }>(this.em.fork(), witnessBacklogSql(witness));
    return Number(row?.unpublished ?? 0);
  }
}

async function withTimeout<T>(work: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), COLLECT_TIMEOUT_MS)));
  try {
    return await Promise.race([work.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
