import { Counter, register } from 'prom-client';
import { closeServer, serveMetrics } from './metrics-server';

describe('serveMetrics', () => {
  it('answers GET /metrics with the registry on its own host and port, and 404 for anything else', async () => {
    new Counter({ name: 'liaison_metrics_server_probe', help: 'a probe', registers: [register] }).inc();
    const server = await serveMetrics(0, '127.0.0.1');
    try {
      const address = server.address() as { address: string; port: number };
      expect(address.address).toBe('127.0.0.1');
      const base = `http://127.0.0.1:${address.port}`;
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await metrics.text()).toContain('liaison_metrics_server_probe 1');
      expect((await fetch(`${base}/metrics/x`)).status).toBe(404);
      expect((await fetch(`${base}/v1/me`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
      await expect(serveMetrics(address.port, '127.0.0.1')).rejects.toThrow('EADDRINUSE');
    } finally {
      await closeServer(server);
    }
  });
});
