import { createServer, type Server } from 'node:http';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { register } from 'prom-client';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';

/** The worker has no HTTP API: when `WORKER_METRICS_PORT` is set, it serves `/metrics` there for Prometheus. */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(@Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig) {}

  onApplicationBootstrap(): void {
    if (!this.config.workerMetricsPort) return;
    this.server = createServer((request, response) => {
      if (request.url !== '/metrics') return void response.writeHead(404).end();
      void register
        .metrics()
        .then((body) => response.writeHead(200, { 'content-type': register.contentType }).end(body));
    }).listen(this.config.workerMetricsPort);
  }

  onApplicationShutdown(): void {
    this.server?.close();
  }
}
