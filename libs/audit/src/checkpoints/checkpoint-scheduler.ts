import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { AuditSigner } from '../signing/audit-signer';
import { WitnessPublisher } from '../witness/witness-publisher';
import { CheckpointBuilder } from './checkpoint-builder';

/**
 * In the worker: every AUDIT_CHECKPOINT_INTERVAL_SECONDS, checkpoints the entries added since the last checkpoint
 * (nothing when there are none), then publishes to the witness what it does not hold yet (a failure is retried at
 * the next round). A plain timer is enough: the builder's advisory lock lets one replica build at a
 * time, and a missed tick is caught up by the next (the database, not the timer, says what is pending).
 */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CheckpointScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly builder: CheckpointBuilder,
    private readonly witness: WitnessPublisher,
    private readonly signer: AuditSigner,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.signer.available) {
      this.logger.warn('AUDIT_SIGNING_KEY is not set: audit checkpoints are not built');
      return;
    }
    const interval = this.config.audit.checkpointIntervalSeconds * 1000;
    if (interval > 0) this.timer = setInterval(() => void this.tick(), interval);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round; overlapping ticks are skipped. */
  tick(): Promise<void> {
    this.running ??= this.builder
      .buildPending()
      .then((built) => {
        for (const checkpoint of built) {
          this.logger.log({ seq: checkpoint.seq, entries: checkpoint.treeSize }, 'audit checkpoint signed');
        }
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'audit checkpoint failed'))
      .then(async () => {
        const published = await this.witness.publishPending();
        if (published > 0) this.logger.log({ checkpoints: published }, 'audit checkpoints published to the witness');
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'audit witness publication failed; retried next round'),
      )
      .finally(() => (this.running = null));
    return this.running;
  }
}
