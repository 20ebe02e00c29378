import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually, prepareTestEnvironment, type TestEnvironment } from '@liaison/testing';
import { LOCAL_RECEIVERS, startWebhookReceiver, type WebhookReceiver } from '../e2e/support/webhook-receiver';
import { spawnApi, type ApiProcess } from '../fault/support/api-process';
import {
  createParties,
  insertRequests,
  loginAll,
  withOrm,
  type Parties,
  type Party,
} from '../fault/support/bulk-fixture';
import { call } from '../fault/support/http-client';
import { spawnWorker, type WorkerProcess } from '../fault/support/worker-process';
import { insertDueDeadlines, type DueDeadline } from './support/due-deadlines';
import { WALK, walkAll, type WalkTally } from './support/mla-walk';

/** 1,250 requests × 4 events = 5,000 transitions (SCALE_REQUESTS to change it). */
const REQUESTS = Number(process.env['SCALE_REQUESTS'] ?? 1250);
const DEADLINES = 100;
/** The deadlines fall due this long after the walk starts, while it runs. */
const DEADLINE_DELAY_MS = 10_000;
const CONCURRENCY = 16;

/**
 * Two api processes and two worker processes on one database and one set of queues, as replicas behind a load
 * balancer would run: 5,000 transitions spread over both apis (some sent to both at once, some retried on the
 * other one with the same Idempotency-Key), webhooks to two partner agencies, deadlines falling due mid-run.
 */
describe('two apis and two workers (scale)', () => {
  let environment: TestEnvironment;
  let db: Client;
  let parties: Parties;
  let tokens: Record<Party, string>;
  const receivers = {} as Record<'india' | 'nepal', WebhookReceiver>;
  let apis: ApiProcess[] = [];
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
    db = new Client({ connectionString: environment.ownerDatabaseUrl });
    await db.connect();
    receivers.india = await startWebhookReceiver();
    receivers.nepal = await startWebhookReceiver();
    parties = await withOrm(environment.ownerDatabaseUrl, createParties);
    const env = childEnv(environment);
    const workerEnv = { ...env, DATABASE_URL: environment.workerDatabaseUrl };
    [apis, workers] = await Promise.all([
      Promise.all([spawnApi(env), spawnApi(env)]),
      Promise.all([spawnWorker(workerEnv), spawnWorker(workerEnv)]),
    ]);
    tokens = await loginAll(apis[0].url, parties);
    await registerWebhook(apis[1].url, tokens.indiaAdmin, receivers.india.url);
    await registerWebhook(apis[0].url, tokens.nepalAdmin, receivers.nepal.url);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...workers, ...apis].map((app) => app.stop()));
    await Promise.all(Object.values(receivers).map((receiver) => receiver.close()));
    await db?.end();
  });

  it('applies every transition once, delivers every webhook once, drains the outbox and fires each deadline once', async () => {
    const requestIds = await withOrm(environment.ownerDatabaseUrl, (em) => insertRequests(em, parties, REQUESTS));
    const cpuBefore = cpuOf(apis, workers);
    const started = Date.now();
    const deadlines = await withOrm(environment.ownerDatabaseUrl, (em) =>
      insertDueDeadlines(em, parties, DEADLINES, new Date(started + DEADLINE_DELAY_MS)),
    );
    const tally = await walkAll(requestIds, {
      apis: apis.map((api) => api.url),
      tokens,
      duplicateEvery: 5,
      replayEvery: 5,
      concurrency: CONCURRENCY,
    });
    const walked = Date.now();
    console.info(`scale: walk of ${tally.accepted} transitions took ${((walked - started) / 1000).toFixed(1)} s`);

    expect(tally.unexpected.slice(0, 5)).toEqual([]);
    expect(tally.accepted).toBe(REQUESTS * WALK.length);
    expect(tally.replayed).toBe(Math.floor((REQUESTS + 3) / 5));
    const expected = await expectedWebhooks(db, requestIds, deadlines);
    await eventually(
      async () => {
        expect(receivers.india.uniqueEventIds().size).toBe(expected.india.size);
        expect(receivers.nepal.uniqueEventIds().size).toBe(expected.nepal.size);
        expect(await count(db, 'select count(*) from outbox_message where published_at is null')).toBe(0);
      },
      180_000,
      250,
    );
    const drained = Date.now();
    const cpu = cpuOf(apis, workers).map((seconds, index) => seconds - cpuBefore[index]);
    console.info(`scale: webhooks and outbox drained ${((drained - walked) / 1000).toFixed(1)} s after the walk`);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // late duplicates would show here

    expect(receivers.india.uniqueEventIds()).toEqual(expected.india);
    expect(receivers.nepal.uniqueEventIds()).toEqual(expected.nepal);
    await expectEachTransitionOnce(db, requestIds, tally);
    await expectOutboxAndInbox(db, requestIds, parties);
    await expectEachDeadlineFiredOnce(db, requestIds, deadlines);
    const verification = await call(apis[1].url, 'POST', '/v1/audit/verify', { token: tokens.platformAdmin, body: {} });
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ ok: true, firstBrokenLink: null, firstBadCheckpoint: null });
    const lastFired = await count(db, 'select extract(epoch from max(overdue_at)) * 1000 from deadline');
    console.info(
      `scale: ${tally.accepted} transitions over 2 apis in ${((walked - started) / 1000).toFixed(1)} s ` +
        `(${(tally.accepted / ((walked - started) / 1000)).toFixed(0)}/s, ${CONCURRENCY} clients); ` +
        `duplicates lost with ${JSON.stringify(tally.duplicateLosers)}, ${tally.replayed} idempotent replays; ` +
        `${receivers.india.received.length + receivers.nepal.received.length} webhook requests, ` +
        `${expected.india.size + expected.nepal.size} unique; outbox drained ${((drained - walked) / 1000).toFixed(1)} s ` +
        `after the last transition; ${DEADLINES} deadlines due at +${DEADLINE_DELAY_MS / 1000} s, the last fired ` +
        `at +${((lastFired - started) / 1000).toFixed(1)} s; trail verified: ${verification.body?.['entriesChecked']} ` +
        `entries, ${verification.body?.['checkpointsChecked']} checkpoints; CPU s (apis, workers) until drained: ` +
        cpu.map((seconds) => seconds.toFixed(1)).join(', '),
    );
  }, 600_000);
});

const cpuOf = (apis: ApiProcess[], workers: WorkerProcess[]) => [...apis, ...workers].map((app) => app.cpuSeconds());

function childEnv(environment: TestEnvironment): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: environment.redisUrl,
    QUEUE_PREFIX: environment.queuePrefix,
    JWT_ACCESS_TTL_SECONDS: '3600',
    WORKER_LOCK_MS: '5000',
    OUTBOX_POLL_MS: '500',
    WEBHOOK_BACKOFF_MS: '200',
    ...LOCAL_RECEIVERS,
    // both workers re-arm the deadlines every second and checkpoint the trail every 2 s: they race on purpose
    DEADLINE_RECONCILE_MS: '1000',
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '2',
    MAIL_DIR: mkdtempSync(join(tmpdir(), 'liaison-mail-')),
  };
}

async function registerWebhook(api: string, adminToken: string, url: string): Promise<void> {
  const answer = await call(api, 'POST', '/v1/webhooks', { token: adminToken, body: { url, events: ['*'] } });
  expect(answer.status).toBe(201);
}

async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<Record<string, string>>(sql, params);
  return Number(Object.values(rows[0])[0]);
}

/** The `Liaison-Event-Id`s each agency's receiver must get: one per history row WALK sends to it, one per deadline. */
async function expectedWebhooks(db: Client, requestIds: string[], deadlines: DueDeadline[]) {
  const { rows } = await db.query<{ id: string; event: string }>(
    'select id, event from request_history where request_id = any($1)',
    [requestIds],
  );
  const to = (side: 'india' | 'nepal') =>
    new Set(
      rows
        .filter((row) => WALK.find((step) => step.event === row.event)?.webhooksTo.includes(side))
        .map((row) => `transition-${row.id}`),
    );
  const nepal = to('nepal');
  for (const deadline of deadlines) nepal.add(`deadline-${deadline.id}`);
  return { india: to('india'), nepal };
}

/** State, version, history and trail of every request: each event applied exactly once, in order. */
async function expectEachTransitionOnce(db: Client, requestIds: string[], tally: WalkTally): Promise<void> {
  const { rows: states } = await db.query(
    `select state, previous_state, version, count(*)::int as requests from request where id = any($1)
     group by 1, 2, 3`,
    [requestIds],
  );
  expect(states).toEqual([
    { state: 'awaiting_information', previous_state: 'in_execution', version: 5, requests: requestIds.length },
  ]);
  const { rows: histories } = await db.query(
    `select string_agg(event, ',' order by version) as events, min(version) as first, max(version) as last,
       count(*)::int as rows
     from request_history where request_id = any($1) group by request_id`,
    [requestIds],
  );
  const walk = WALK.map((step) => step.event).join(',');
  expect(histories.filter((history) => history.events !== walk || history.first !== 2 || history.last !== 5)).toEqual(
    [],
  );
  expect(histories).toHaveLength(requestIds.length);
  const { rows: trails } = await db.query<{
    request_id: string;
    accepted: number;
    refused: number;
    entries: number;
    last: number;
  }>(
    `select substring(stream from 9)::uuid::text as request_id,
       count(*) filter (where action = 'request.transition')::int as accepted,
       count(*) filter (where action = 'request.transition_refused')::int as refused,
       count(*)::int as entries, max(seq) as last
     from audit_event where stream = any($1) group by stream`,
    [requestIds.map((id) => `request:${id}`)],
  );
  expect(trails).toHaveLength(requestIds.length);
  const wrong = trails.filter(
    (trail) =>
      trail.accepted !== WALK.length ||
      trail.refused !== (tally.refusedByRequest.get(trail.request_id) ?? 0) ||
      trail.last !== trail.entries,
  );
  expect(wrong).toEqual([]);
}

/** One outbox row per effect, all published; each notified user's inbox holds each notice once. */
async function expectOutboxAndInbox(db: Client, requestIds: string[], parties: Parties): Promise<void> {
  const { rows: topics } = await db.query(
    `select topic, count(*)::int as rows from outbox_message where request_id = any($1) group by topic order by topic`,
    [requestIds],
  );
  // approve starts a clock; acknowledge and accept each stop one and start the next; request_information pauses one
  expect(topics).toEqual([
    { topic: 'notify', rows: 6 * requestIds.length },
    { topic: 'pause_timer', rows: requestIds.length },
    { topic: 'start_timer', rows: 3 * requestIds.length },
    { topic: 'stop_timer', rows: 2 * requestIds.length },
  ]);
  const inbox = async (user: Party) =>
    count(db, 'select count(*) from inbox_item where recipient_id = $1', [parties.users[user].id]);
  await eventually(async () => {
    expect(await inbox('indiaOfficer')).toBe(3 * requestIds.length);
    expect(await inbox('nepalOfficer')).toBe(requestIds.length);
    expect(await inbox('nepalSupervisor')).toBe(2 * requestIds.length + DEADLINES);
  }, 60_000);
  expect(await count(db, `select count(*) from webhook_delivery where status <> 'delivered'`)).toBe(0);
}

/** The due deadlines fired once each; the walked requests' own clocks were stopped or paused, none fired. */
async function expectEachDeadlineFiredOnce(db: Client, requestIds: string[], deadlines: DueDeadline[]) {
  const ids = deadlines.map((deadline) => deadline.id);
  const { rows: fired } = await db.query(
    `select d.status, r.overdue,
       (select count(*)::int from audit_event a where a.action = 'deadline.overdue' and a.subject_id = d.id::text) as audited,
       (select count(*)::int from outbox_message o where o.topic = 'deadline_overdue'
          and o.payload->>'deadlineId' = d.id::text) as escalations,
       count(*)::int as deadlines
     from deadline d join request r on r.id = d.request_id where d.id = any($1) group by 1, 2, 3, 4`,
    [ids],
  );
  expect(fired).toEqual([{ status: 'overdue', overdue: true, audited: 1, escalations: 1, deadlines: DEADLINES }]);
  const { rows: open } = await db.query(
    `select kind, status, count(*)::int as runs from deadline where request_id = any($1) and stopped_at is null
     group by 1, 2`,
    [requestIds],
  );
  expect(open).toEqual([{ kind: 'execute', status: 'paused', runs: requestIds.length }]);
  expect(
    await count(db, `select count(*) from deadline where request_id = any($1) and status = 'overdue'`, [requestIds]),
  ).toBe(0);
}
