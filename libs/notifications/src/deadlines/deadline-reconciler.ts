import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { DeadlineArming } from './deadline-arming';

/** Re-arms pending deadlines at start (a worker that was down, a Redis that lost its data) and periodically. */
@Injectable()
export class DeadlineReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineReconciler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly arming: DeadlineArming,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
    if (this.config.deadlines.reconcileMs > 0) {
      this.timer = setInterval(() => void this.reconcile(), this.config.deadlines.reconcileMs);
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async reconcile(): Promise<number> {
    try {
      return await this.arming.reconcile();
    } catch (error) {
      this.logger.warn({ err: error }, 'deadline reconciliation failed; next pass retries');
      return 0;
    }
  }
}
