import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { register } from 'prom-client';

/**
 * Prometheus' scrape endpoint on a port of its own, away from the API's callers: `GET /metrics` answers the
 * process's metrics, anything else 404. Resolves once listening; rejects when the port is taken.
 */
export async function serveMetrics(port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') return void response.writeHead(404).end();
    register.metrics().then(
      (body) => response.writeHead(200, { 'content-type': register.contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  server.listen(port, host);
  await once(server, 'listening');
  return server;
}

export function closeServer(server: Server | null): Promise<void> {
  return new Promise((done) => (server ? server.close(() => done()) : done()));
}

/**
 * `/metrics` on a port of its own (0: not served), never on an API's port: it answers without a token and tells
 * a caller what runs and how busy it is. Each app registers it with a factory from its own config.
 */
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(private readonly options: { port: number; host: string }) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.options;
    if (port) this.server = await serveMetrics(port, host);
  }

  onApplicationShutdown(): Promise<void> {
    return closeServer(this.server);
  }
}
