import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { WebhookDeliverySchema } from '@liaison/data';
import { WEBHOOKS_QUEUE } from '@liaison/notifications';
import { eventually } from '@liaison/testing';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { createCast, type Cast } from '../e2e/support/notification-cast';
import { startNotificationsWorker, type WorkerHarness } from '../e2e/support/notifications-worker';
import { LOCAL_RECEIVERS, startWebhookReceiver, type WebhookReceiver } from '../e2e/support/webhook-receiver';
import { approveAll, registerWebhook, requestsUnderReview } from './support/fault-setup';

/** (c) The partner answers 500 for a while, then 200: retries with backoff get through, and the log shows each try. */
describe('partner endpoint failing (fault)', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let flaky: WebhookReceiver;
  let down: WebhookReceiver;
  let cast: Cast;
  let downEndpoint: string;

  beforeAll(async () => {
    flaky = await startWebhookReceiver();
    down = await startWebhookReceiver();
    api = await startApi({
      OUTBOX_POLL_MS: '500',
      WEBHOOK_BACKOFF_MS: '200',
      WEBHOOK_ATTEMPTS: '4',
      ...LOCAL_RECEIVERS,
    });
    worker = await startNotificationsWorker();
    cast = await createCast(api);
    await registerWebhook(api, cast, flaky.url);
    downEndpoint = await registerWebhook(api, cast, down.url);
    // the first two tries of each event fail with 500, the third gets 200
    flaky.respondWith((hook) => {
      const tries = flaky.received.filter((other) => other.json.id === hook.json.id).length;
      return tries <= 2 ? 500 : 200;
    });
    down.respondWith(() => 500);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await flaky?.close();
    await down?.close();
  }, 60_000);

  it('delivers after retries with backoff, logging every attempt; an endpoint down throughout ends failed and can be retried', async () => {
    const ids = await requestsUnderReview(api, cast, 5);
    expect(await approveAll(api, cast, ids)).toEqual([200, 200, 200, 200, 200]);

    await eventually(() => expect(flaky.received).toHaveLength(15), 30_000);
    const log = await eventually(async () => {
      const rows = await api.em().find(WebhookDeliverySchema, { endpoint: { url: flaky.url } });
      expect(rows.map((row) => row.status)).toEqual(Array(5).fill('delivered'));
      return rows;
    });
    for (const delivery of log) {
      expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
      const [first, second, third] = delivery.attempts.map((attempt) => Date.parse(attempt.at));
      // exponential backoff of 200 ms with 20 % jitter: at least 160 ms, then at least 320 ms (load only adds)
      expect(second - first).toBeGreaterThanOrEqual(160);
      expect(third - second).toBeGreaterThanOrEqual(320);
    }

    // the other endpoint answered 500 to all four attempts: failed, and kept as a failed job for admins
    const failed = await eventually(async () => {
      const rows = await api.em().find(WebhookDeliverySchema, { endpoint: downEndpoint });
      expect(rows.map((row) => row.status)).toEqual(Array(5).fill('failed'));
      return rows;
    }, 30_000);
    expect(failed[0].attempts).toHaveLength(4);
    const queue = api.app.get<Queue>(getQueueToken(WEBHOOKS_QUEUE));
    const jobs = await queue.getFailed();
    expect(jobs.map((job) => job.id).sort()).toEqual(failed.map((row) => row.id).sort());

    down.respondWith(() => 200); // the partner is back: the admin retries the failed jobs (as from /admin/queues)
    await Promise.all(jobs.map((job) => job.retry()));
    await eventually(async () => {
      const rows = await api.em().find(WebhookDeliverySchema, { endpoint: downEndpoint });
      expect(rows.map((row) => row.status)).toEqual(Array(5).fill('delivered'));
    }, 30_000);

    const response = await api
      .http()
      .get(`/v1/webhooks/${downEndpoint}/deliveries`)
      .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
      .expect(200);
    expect(response.body.items[0].attempts.map((attempt: { status: number }) => attempt.status)).toEqual([
      500, 500, 500, 500, 200,
    ]);
    console.info(`fault (c): 5 deliveries took 3 attempts each (500, 500, 200); 5 failed after 4 and were retried`);
  }, 240_000);
});
