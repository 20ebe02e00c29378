import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually, prepareTestEnvironment } from '@liaison/testing';
import { spawnApi, type ApiProcess } from './support/api-process';
import { startApprovals, type Approval } from './support/approval-load';
import { approvalOutcomes, isWholeOrNothing } from './support/approval-outcomes';
import { createParties, insertRequests, loginAll, withOrm } from './support/bulk-fixture';
import { call } from './support/http-client';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { spawnWorker, type WorkerProcess } from './support/worker-process';

const REQUESTS = 4000;
const OUTAGE_MS = 5000;

/**
 * (d) PostgreSQL goes away under load, twice (a clean fast shutdown, then an immediate one, as a crash): the api
 * answers 503 problem+json meanwhile, neither hanging nor 500, and comes back by itself; every approval answered
 * 200 is in the database whole, and every other one is there whole or not at all.
 */
describe('PostgreSQL restarted under load (fault)', () => {
  let postgres: PrivatePostgres;
  let db: Client;
  let api: ApiProcess;
  let worker: WorkerProcess;
  let token: string;
  let requestIds: string[];

  beforeAll(async () => {
    const environment = await prepareTestEnvironment(); // queues, Redis prefix and signing key of this jest worker
    postgres = await startPrivatePostgres();
    const parties = await withOrm(postgres.ownerUrl, createParties);
    requestIds = await withOrm(postgres.ownerUrl, (em) => insertRequests(em, parties, REQUESTS));
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: postgres.appUrl,
      REDIS_URL: environment.redisUrl,
      QUEUE_PREFIX: environment.queuePrefix,
      OUTBOX_POLL_MS: '500',
      MAIL_DIR: mkdtempSync(join(tmpdir(), 'liaison-mail-')),
    };
    [api, worker] = await Promise.all([spawnApi(env), spawnWorker({ ...env, DATABASE_URL: postgres.workerUrl })]);
    token = (await loginAll(api.url, parties)).indiaSupervisor;
  }, 180_000);

  afterAll(async () => {
    await postgres?.start(); // whatever happened, let the apps close cleanly
    await db?.end();
    await Promise.all([worker, api].map((app) => app?.stop()));
    await postgres?.destroy();
  }, 60_000);

  it('answers 503 during each outage, recovers by itself, and loses or half-writes no approval', async () => {
    const load = startApprovals(api.url, token, requestIds, { lanes: 8, pauseMs: 50 });
    const outages: { mode: string; stoppedAt: number; restartingAt: number; startedAt: number; health: number[] }[] =
      [];
    for (const mode of ['fast', 'immediate'] as const) {
      const before = load.answers.length;
      await eventually(() => expect(accepted(load.answers.slice(before))).toBeGreaterThanOrEqual(50), 60_000);
      await postgres.stop(mode);
      const stoppedAt = Date.now();
      const health = [(await call(api.url, 'GET', '/health', { timeoutMs: 5000 })).status];
      await new Promise((done) => setTimeout(done, OUTAGE_MS - (Date.now() - stoppedAt)));
      health.push((await call(api.url, 'GET', '/health', { timeoutMs: 5000 })).status);
      const restartingAt = Date.now();
      await postgres.start();
      const startedAt = Date.now();
      await eventually(async () => expect((await call(api.url, 'GET', '/health')).status).toBe(200), 30_000, 100);
      outages.push({ mode, stoppedAt, restartingAt, startedAt, health });
    }
    const recovered = load.answers.length;
    await eventually(() => expect(accepted(load.answers.slice(recovered))).toBeGreaterThanOrEqual(50), 60_000);
    const answers = await load.stop();

    expect(api.child.exitCode).toBeNull(); // the same process throughout: no restart
    expect(outages.map((outage) => outage.health)).toEqual([
      [503, 503],
      [503, 503],
    ]);
    const others = answers.filter((answer) => answer.status !== 200);
    expect(others.filter((answer) => answer.status !== 503).map(summary)).toEqual([]);
    expect(others.filter((answer) => !isUnavailableProblem(answer)).map(summary)).toEqual([]);
    for (const outage of outages) {
      const during = answers.filter((a) => a.sentAt > outage.stoppedAt + 100 && a.answeredAt < outage.restartingAt);
      expect(during.length).toBeGreaterThan(0);
      expect(during.filter((answer) => answer.status !== 503).map(summary)).toEqual([]);
      const after = answers.filter((answer) => answer.sentAt > outage.startedAt && answer.status === 200);
      expect(after.length).toBeGreaterThan(0);
    }

    db = new Client({ connectionString: postgres.ownerUrl });
    await db.connect();
    const outcomes = await approvalOutcomes(
      db,
      answers.map((answer) => answer.requestId),
    );
    const verdicts = answers.map((answer) => ({ answer, verdict: isWholeOrNothing(outcomes.get(answer.requestId)!) }));
    expect(
      verdicts.filter(({ verdict }) => verdict === 'half').map(({ answer }) => outcomes.get(answer.requestId)),
    ).toEqual([]);
    expect(verdicts.filter(({ answer, verdict }) => answer.status === 200 && verdict !== 'applied')).toEqual([]);
    const unanswered = requestIds.slice(answers.length);
    expect(
      await db.query(`select count(*)::int as changed from request where id = any($1) and version <> 1`, [unanswered]),
    ).toMatchObject({ rows: [{ changed: 0 }] });
    await eventually(async () => expect(await unpublished(db)).toBe(0), 60_000, 250).catch((error: Error) => {
      throw new Error(
        `${error.message}\nworker exit ${worker.child.exitCode}, output:\n${worker.output().slice(-4000)}`,
      );
    });
    const appliedDespite503 = verdicts.filter(({ answer, verdict }) => answer.status !== 200 && verdict === 'applied');
    console.info(
      `fault (d): ${answers.length} approvals, ${accepted(answers)} answered 200, ${others.length} answered 503 ` +
        `(${appliedDespite503.length} of them committed all the same: the answer was lost with the connection); ` +
        outages
          .map((outage) => {
            const first = answers.find((a) => a.sentAt > outage.startedAt && a.status === 200);
            return `${outage.mode} stop: /health ${outage.health.join('/')}, first 200 ${first ? first.answeredAt - outage.startedAt : '?'} ms after the restart`;
          })
          .join('; '),
    );
  }, 240_000);
});

async function unpublished(db: Client): Promise<number> {
  const { rows } = await db.query<{ left: number }>(
    'select count(*)::int as left from outbox_message where published_at is null',
  );
  return rows[0].left;
}

const accepted = (answers: Approval[]) => answers.filter((answer) => answer.status === 200).length;

function isUnavailableProblem(answer: Approval): boolean {
  return (
    answer.contentType.startsWith('application/problem+json') && answer.problemType?.endsWith('/unavailable') === true
  );
}

function summary(answer: Approval): string {
  return `${answer.requestId}: ${answer.status} ${answer.problemType ?? answer.contentType}`;
}
