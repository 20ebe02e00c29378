import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookSink {
  url: string;
  /** Commit → arrival in ms, first arrival per request (each request has one approval, so one event). */
  requests: Map<string, number>;
  /** Every request received, duplicates included. */
  received: () => number;
  close: () => Promise<void>;
}

/**
 * A partner's receiver on this machine: answers 200 at once and notes, per event id, the time from the event's
 * `occurredAt` (its outbox row's creation, inside the committing transaction) to the first arrival, by request.
 */
export async function startWebhookSink(): Promise<WebhookSink> {
  const requests = new Map<string, number>();
  let received = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const arrived = Date.now();
      received += 1;
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        occurredAt: string;
        data: { requestId: string };
      };
      const id = event.data.requestId;
      if (!requests.has(id)) requests.set(id, arrived - Date.parse(event.occurredAt));
      response.writeHead(200).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests,
    received: () => received,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
