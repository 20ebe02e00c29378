import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { PersonRetentionService } from './person-retention.service';

/**
 * In the worker: every PERSON_RETENTION_CHECK_INTERVAL_SECONDS (and once at start), purges the identities past
 * retention. A plain timer is enough: the database says what is due, a missed tick is caught up by the next, and
 * replicas share the work through SKIP LOCKED.
 */
@Injectable()
export class PersonRetentionScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PersonRetentionScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly retention: PersonRetentionService,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { retentionYears, retentionCheckIntervalSeconds } = this.config.personalData;
    if (retentionYears <= 0 || retentionCheckIntervalSeconds <= 0) return;
    this.timer = setInterval(() => void this.tick(), retentionCheckIntervalSeconds * 1000);
    void this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round; overlapping ticks are skipped. */
  tick(): Promise<void> {
    this.running ??= this.retention
      .purgeExpired()
      .then((count) => {
        if (count > 0) this.logger.log({ count }, 'identities purged at the end of retention');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'retention purge failed'))
      .finally(() => (this.running = null));
    return this.running;
  }
}
