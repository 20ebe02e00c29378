import { eventually } from '@liaison/testing';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { createCast, type Cast } from '../e2e/support/notification-cast';
import { LOCAL_RECEIVERS, startWebhookReceiver, type WebhookReceiver } from '../e2e/support/webhook-receiver';
import { approveAll, registerWebhook, requestsUnderReview, workerEnv } from './support/fault-setup';
import { spawnWorker, type WorkerProcess } from './support/worker-process';

/**
 * The worker as compose runs it: NODE_ENV=production with the worker's own secrets only. It holds the signing key,
 * never the api's AUDIT_PUBLIC_KEY, and must start and deliver all the same.
 */
describe('worker in production with its own secrets (fault)', () => {
  let api: ApiHarness;
  let receiver: WebhookReceiver;
  let cast: Cast;
  let worker: WorkerProcess | null = null;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    api = await startApi(LOCAL_RECEIVERS);
    cast = await createCast(api);
    await registerWebhook(api, cast, receiver.url);
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await receiver?.close();
  }, 60_000);

  it('starts without AUDIT_PUBLIC_KEY and delivers', async () => {
    const ids = await requestsUnderReview(api, cast, 3);
    worker = await spawnWorker(workerEnv(api, { NODE_ENV: 'production', AUDIT_PUBLIC_KEY: '' }));
    expect((await approveAll(api, cast, ids)).every((status) => status === 200)).toBe(true);
    await eventually(() => expect(receiver.uniqueEventIds().size).toBe(3), 60_000, 100);
  }, 120_000);
});
