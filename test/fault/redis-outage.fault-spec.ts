import { readdirSync } from 'node:fs';
import { InboxItemSchema, OutboxMessageSchema } from '@liaison/data';
import { eventually } from '@liaison/testing';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { createCast, type Cast } from '../e2e/support/notification-cast';
import { LOCAL_RECEIVERS, startWebhookReceiver, type WebhookReceiver } from '../e2e/support/webhook-receiver';
import { approveAll, registerWebhook, requestsUnderReview, workerEnv } from './support/fault-setup';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis';
import { spawnWorker, type WorkerProcess } from './support/worker-process';

const TRANSITIONS = 200;
const OUTAGE_MS = Number(process.env['FAULT_REDIS_OUTAGE_MS'] ?? 30_000);

/** (b) Redis is stopped for 30 s while 200 transitions are made: none fails, and everything arrives afterwards. */
describe('Redis outage (fault)', () => {
  let redis: PrivateRedis;
  let api: ApiHarness;
  let receiver: WebhookReceiver;
  let cast: Cast;
  let worker: WorkerProcess | null = null;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    receiver = await startWebhookReceiver();
    api = await startApi({ REDIS_URL: redis.url, TEST_REDIS_URL: redis.url, ...LOCAL_RECEIVERS });
    cast = await createCast(api);
    await registerWebhook(api, cast, receiver.url);
  }, 120_000);

  afterAll(async () => {
    await redis?.start(); // whatever happened, let the clients close cleanly
    await worker?.stop();
    await api?.close();
    await receiver?.close();
    await redis?.destroy();
  }, 60_000);

  it('accepts all 200 transitions while Redis is down and delivers every notification once it is back', async () => {
    const ids = await requestsUnderReview(api, cast, TRANSITIONS);
    const env = workerEnv(api, { REDIS_URL: redis.url });
    worker = await spawnWorker(env);

    await redis.stop();
    const stoppedAt = Date.now();
    const statuses = await approveAll(api, cast, ids);
    expect(statuses.filter((status) => status === 200)).toHaveLength(TRANSITIONS);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
    expect(receiver.received).toHaveLength(0);
    expect(await api.em().count(OutboxMessageSchema, { topic: 'notify', publishedAt: null })).toBe(TRANSITIONS);

    await redis.start();
    await eventually(() => expect(receiver.uniqueEventIds().size).toBe(TRANSITIONS), 120_000, 100);
    await eventually(async () => expect(await api.em().count(OutboxMessageSchema, { publishedAt: null })).toBe(0));
    // each approval tells Nepal's two officers and the task force's none: 400 inbox entries and 400 e-mails
    await eventually(
      async () => expect(await api.em().count(InboxItemSchema, { kind: 'request.approve' })).toBe(400),
      60_000,
    );
    await eventually(() => expect(readdirSync(env['MAIL_DIR'])).toHaveLength(400), 60_000);
    console.info(
      `fault (b): ${statuses.length} transitions during a ${OUTAGE_MS / 1000} s outage, all 200; ` +
        `${receiver.uniqueEventIds().size} webhooks (${receiver.received.length} requests), 400 inbox entries, 400 e-mails`,
    );
  }, 240_000);
});
