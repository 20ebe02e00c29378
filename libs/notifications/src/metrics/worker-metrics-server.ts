import type { Server } from 'node:http';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { closeServer, serveMetrics } from '@liaison/platform';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';

/** The worker has no HTTP API: when `WORKER_METRICS_PORT` is set, it serves `/metrics` there for Prometheus. */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(@Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.config.metrics;
    if (port) this.server = await serveMetrics(port, host);
  }

  onApplicationShutdown(): Promise<void> {
    return closeServer(this.server);
  }
}
