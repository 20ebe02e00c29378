import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Distinct `Liaison-Event-Id`s: what a receiver that deduplicates counts. */
  uniqueEventIds: () => Set<string>;
  /** Decides the status of each answer (200 unless told otherwise). */
  respondWith: (status: (webhook: ReceivedWebhook) => number) => void;
  close: () => Promise<void>;
}

/**
 * Webhooks reach no loopback or private address unless the settings allow it: suites with local receivers set
 * these in their api's and worker's environment.
 */
export const LOCAL_RECEIVERS = { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' } as const;

/** A partner agency's system: a real HTTP server on a free local port that records every delivery. */
export async function startWebhookReceiver(host = '127.0.0.1'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status: (webhook: ReceivedWebhook) => number = () => 200;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const webhook = { headers: request.headers, body, json: JSON.parse(body), receivedAt: Date.now() };
      received.push(webhook);
      response.writeHead(status(webhook)).end();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/liaison-webhooks`,
    received,
    uniqueEventIds: () => new Set(received.map((webhook) => String(webhook.headers['liaison-event-id']))),
    respondWith: (decide) => (status = decide),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
