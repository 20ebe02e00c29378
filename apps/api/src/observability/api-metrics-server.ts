import type { Server } from 'node:http';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { closeServer, LIAISON_CONFIG, serveMetrics, type LiaisonConfig } from '@liaison/platform';

/**
 * `/metrics` on METRICS_PORT (METRICS_HOST, loopback by default), never on the API's port: it answers without a
 * token and tells a caller what runs and how busy it is.
 */
@Injectable()
export class ApiMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(@Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.config.metrics;
    if (port) this.server = await serveMetrics(port, host);
  }

  onApplicationShutdown(): Promise<void> {
    return closeServer(this.server);
  }
}
