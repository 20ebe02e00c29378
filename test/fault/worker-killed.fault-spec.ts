import { WebhookDeliverySchema } from '@liaison/data';
import { eventually } from '@liaison/testing';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { createCast, type Cast } from '../e2e/support/notification-cast';
import { LOCAL_RECEIVERS, startWebhookReceiver, type WebhookReceiver } from '../e2e/support/webhook-receiver';
import { approveAll, registerWebhook, requestsUnderReview, workerEnv } from './support/fault-setup';
import { spawnWorker, type WorkerProcess } from './support/worker-process';

const DELIVERIES = 500;

/** (a) The worker dies by SIGKILL in the middle of 500 deliveries; a new one finishes them: nothing is lost. */
describe('worker killed mid-delivery (fault)', () => {
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

  it('delivers every webhook at least once and exactly 500 after deduplication by Liaison-Event-Id', async () => {
    const ids = await requestsUnderReview(api, cast, DELIVERIES);
    const env = workerEnv(api);
    worker = await spawnWorker(env);

    const approvals = approveAll(api, cast, ids);
    await eventually(() => expect(receiver.uniqueEventIds().size).toBeGreaterThanOrEqual(100), 120_000, 5);
    await worker.kill('SIGKILL');
    const atKill = receiver.uniqueEventIds().size;
    expect(atKill).toBeLessThan(DELIVERIES);

    expect((await approvals).every((status) => status === 200)).toBe(true);
    worker = await spawnWorker(env);
    await eventually(() => expect(receiver.uniqueEventIds().size).toBe(DELIVERIES), 180_000, 100);
    await eventually(async () =>
      expect(await api.em().count(WebhookDeliverySchema, { status: 'delivered' })).toBe(DELIVERIES),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // late duplicates would show here
    expect(receiver.uniqueEventIds().size).toBe(DELIVERIES);
    expect(receiver.received.length).toBeGreaterThanOrEqual(DELIVERIES);
    console.info(
      `fault (a): killed after ${atKill} unique deliveries; received ${receiver.received.length} requests, ` +
        `${receiver.uniqueEventIds().size} unique event ids`,
    );
  }, 240_000);
});
