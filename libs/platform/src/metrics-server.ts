import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
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
