import { Client } from 'pg';
import { eventually, prepareTestEnvironment, type TestEnvironment } from '@liaison/testing';
import { LOCAL_RECEIVERS, startWebhookReceiver, type WebhookReceiver } from '../e2e/support/webhook-receiver';
import { spawnApi, type ApiProcess } from './support/api-process';
import { startApprovals } from './support/approval-load';
import { approvalOutcomes, isWholeOrNothing } from './support/approval-outcomes';
import { createParties, insertRequests, loginAll, withOrm, type Parties } from './support/bulk-fixture';
import { call, sendTransition } from './support/http-client';
import { spawnWorker, type WorkerProcess } from './support/worker-process';
import { workerEnvOf } from './support/fault-setup';

const BURST = 600;
const KILL_AFTER_ANSWERS = 150;

/**
 * (e) The api dies by SIGKILL in the middle of a burst of 600 concurrent approvals: whatever was answered 200 is in
 * the database whole, whatever was not is whole or absent; a new api serves the same data consistently, and the
 * worker (which never stopped) delivers a notification for every committed approval.
 */
describe('api killed during a burst (fault)', () => {
  let environment: TestEnvironment;
  let db: Client;
  let parties: Parties;
  let receiver: WebhookReceiver;
  let api: ApiProcess | null = null;
  let worker: WorkerProcess;

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
    db = new Client({ connectionString: environment.ownerDatabaseUrl });
    await db.connect();
    receiver = await startWebhookReceiver();
    parties = await withOrm(environment.ownerDatabaseUrl, createParties);
    [api, worker] = await Promise.all([spawnApi(apiEnv(environment)), spawnWorker(workerEnvOf(environment))]);
    const tokens = await loginAll(api.url, parties);
    const webhook = await call(api.url, 'POST', '/v1/webhooks', {
      token: tokens.nepalAdmin,
      body: { url: receiver.url, events: ['request.approve'] },
    });
    expect(webhook.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([worker, api].map((app) => app?.stop()));
    await receiver?.close();
    await db?.end();
  }, 60_000);

  it('keeps every answered approval whole, half-writes none, and serves consistently after a restart', async () => {
    const requestIds = await withOrm(environment.ownerDatabaseUrl, (em) => insertRequests(em, parties, BURST));
    const first = api as ApiProcess;
    const token = (await loginAll(first.url, parties)).indiaSupervisor;
    const burst = startApprovals(first.url, token, requestIds, { lanes: 32 });
    await eventually(() => expect(burst.answers.length).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS), 120_000, 5);
    await first.kill('SIGKILL');
    const answers = await burst.done;
    api = null;

    expect(answers).toHaveLength(BURST);
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 0)).toEqual([]);
    const answered = answers.filter((answer) => answer.status === 200);
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);
    expect(answered.length).toBeLessThan(BURST);
    const before = await approvalOutcomes(db, requestIds);
    const verdicts = new Map(requestIds.map((id) => [id, isWholeOrNothing(before.get(id)!)]));
    expect([...verdicts].filter(([, verdict]) => verdict === 'half').map(([id]) => before.get(id))).toEqual([]);
    expect(answered.filter((answer) => verdicts.get(answer.requestId) !== 'applied')).toEqual([]);
    const committedUnanswered = answers.filter((a) => a.status === 0 && verdicts.get(a.requestId) === 'applied');

    api = await spawnApi(apiEnv(environment));
    const again = (await loginAll(api.url, parties)).indiaSupervisor;
    const retried = await Promise.all(
      answers
        .filter((answer) => answer.status !== 200)
        .map(async (answer) => ({
          requestId: answer.requestId,
          answer: await sendTransition(api!.url, again, answer.requestId, 'approve'),
        })),
    );
    // a retry is applied exactly when the first attempt was not; otherwise the rules refuse it for its state
    const inconsistent = retried.filter(({ requestId, answer }) =>
      verdicts.get(requestId) === 'applied'
        ? answer.status !== 422 || answer.body?.['reason'] !== 'WRONG_STATE'
        : answer.status !== 200,
    );
    expect(inconsistent.map(({ requestId, answer }) => `${requestId}: ${answer.status}`)).toEqual([]);
    const after = await approvalOutcomes(db, requestIds);
    expect(requestIds.filter((id) => isWholeOrNothing(after.get(id)!) !== 'applied')).toEqual([]);

    await eventually(() => expect(receiver.uniqueEventIds().size).toBe(BURST), 120_000, 100);
    await eventually(async () => {
      const { rows } = await db.query('select count(*)::int as left from outbox_message where published_at is null');
      expect(rows).toEqual([{ left: 0 }]);
    });
    console.info(
      `fault (e): SIGKILL after ${answered.length} of ${BURST} approvals were answered 200; ` +
        `${answers.length - answered.length} got no answer, ${committedUnanswered.length} of which had committed ` +
        `(whole); retried on a new api: ${retried.filter((r) => r.answer.status === 200).length} applied, ` +
        `${retried.filter((r) => r.answer.status === 422).length} refused as already approved; ` +
        `${receiver.uniqueEventIds().size} webhooks delivered (${receiver.received.length} requests)`,
    );
  }, 240_000);
});

function apiEnv(environment: TestEnvironment): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    QUEUE_PREFIX: environment.queuePrefix,
    ...LOCAL_RECEIVERS,
  };
}
