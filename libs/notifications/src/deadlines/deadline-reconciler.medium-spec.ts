import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { RequestSchema, type Agency, type Request, type StoredTimer, type User } from '@liaison/data';
import { mediumTest, type MediumTest } from '@liaison/testing';
import { CLOCK } from '../clock/clock';
import { ManualClock } from '../clock/manual-clock';
import { NotificationProcessorsModule } from '../processors/notification-processors.module';
import { DEADLINES_QUEUE } from '../queues/queue-names';
import { OutboxListener } from '../relay/outbox-listener';
import { QueueWorkers } from '../workers/queue-workers';
import { fireJobId } from './deadline-arming';
import { DeadlineReconciler } from './deadline-reconciler';
import { DeadlineSync } from './deadline-sync';

const DAY = 86_400_000;

interface OpenDeadline {
  id: string;
  kind: string;
  status: string;
  dueAt: Date;
  responsibleSide: string;
  legalSource: string;
}

/**
 * A request's clocks against the deadline table and the delayed jobs in BullMQ (this worker's Redis prefix). No
 * queue worker runs, so an armed job stays delayed where the test can look at it.
 */
describe('deadline arming and the reconciler (medium)', () => {
  let harness: MediumTest;
  let sync: DeadlineSync;
  let india: Agency;
  let nepal: Agency;
  let officer: User;

  const worker = (clock = new ManualClock()) => ({
    imports: [NotificationProcessorsModule],
    overrides: [
      [QueueWorkers, {}],
      [OutboxListener, {}],
      [CLOCK, clock],
    ] as const,
    env: { DEADLINE_RECONCILE_MS: '0' },
  });

  beforeAll(async () => {
    harness = await mediumTest(worker());
    sync = harness.get(DeadlineSync);
    india = await harness.factory.agency({ country: 'IN' });
    nepal = await harness.factory.agency({ country: 'NP' });
    officer = await harness.factory.user(india, { roles: ['OFFICER'] });
  });

  afterAll(() => harness?.close());

  const deadlines = () => harness.get<Queue>(getQueueToken(DEADLINES_QUEUE));

  const running = (name: string, dueAt: Date): StoredTimer => ({ name, status: 'running', dueAt: dueAt.toISOString() });

  const requestWith = (timers: StoredTimer[]) =>
    harness.factory.request({ requesting: india, requested: nepal, createdBy: officer, state: 'transmitted', timers });

  const setTimers = (request: Request, timers: StoredTimer[]) =>
    harness.em().nativeUpdate(RequestSchema, { id: request.id }, { timers });

  const openDeadlines = (request: Request) =>
    harness.sql<OpenDeadline>(
      `select id, kind, status, due_at as "dueAt", responsible_side as "responsibleSide", legal_source as "legalSource"
      from deadline where request_id = $1 and stopped_at is null order by kind`,
      [request.id],
    );

  const jobState = async (deadline: OpenDeadline) => {
    const job = await deadlines().getJob(fireJobId(deadline));
    return job ? { state: await job.getState(), data: job.data as object, delay: job.opts.delay ?? 0 } : undefined;
  };

  it('arms a delayed job for a running clock, once however often the request is synced', async () => {
    const dueAt = new Date(Date.now() + 7 * DAY);
    const request = await requestWith([running('acknowledge', dueAt)]);

    await sync.sync({ requestId: request.id, started: { timer: 'acknowledge', source: 'UNTOC Art. 18(13)' } });
    await sync.sync({ requestId: request.id });

    const open = await openDeadlines(request);
    expect(open).toEqual([
      {
        id: expect.any(String),
        kind: 'acknowledge',
        status: 'pending',
        dueAt,
        responsibleSide: 'requested',
        legalSource: 'UNTOC Art. 18(13)',
      },
    ]);
    const job = await jobState(open[0]);
    expect(job).toMatchObject({ state: 'delayed', data: { deadlineId: open[0].id, dueAt: dueAt.toISOString() } });
    expect(job?.delay).toBeGreaterThan(7 * DAY - 60_000);
    expect(job?.delay).toBeLessThanOrEqual(7 * DAY);
    const fireJobs = await deadlines().getJobs(['delayed']);
    // one fire job (its reminders are jobs of their own: deadline-reminding.medium-spec.ts)
    const fires = fireJobs.filter((candidate) => candidate.name === 'fire');
    expect(fires.filter((candidate) => candidate.data.deadlineId === open[0].id)).toHaveLength(1);
  });

  it('re-arms at boot a job Redis lost, and brings forward one whose time has come by the worker’s clock', async () => {
    const lostDue = new Date(Date.now() + 6 * DAY);
    const dueDue = new Date(Date.now() + 5 * DAY);
    const lost = await requestWith([running('acknowledge', lostDue)]);
    const due = await requestWith([running('acknowledge', dueDue)]);
    await sync.sync({ requestId: lost.id });
    await sync.sync({ requestId: due.id });
    const [lostDeadline] = await openDeadlines(lost);
    const [dueDeadline] = await openDeadlines(due);
    await deadlines().remove(fireJobId(lostDeadline));
    expect(await jobState(lostDeadline)).toBeUndefined();

    // the worker restarts on the same database and Redis, its clock four days on
    const clock = new ManualClock();
    clock.advance(4 * DAY);
    const restarted = await mediumTest({ ...worker(clock), environment: harness.environment });
    try {
      const rearmed = await jobState(lostDeadline);
      expect(rearmed).toMatchObject({ state: 'delayed', data: { deadlineId: lostDeadline.id } });
      expect(rearmed?.delay).toBeGreaterThan(2 * DAY - 60_000); // due in two days by the restarted worker's clock
      expect(rearmed?.delay).toBeLessThanOrEqual(2 * DAY);
      expect(await jobState(dueDeadline)).toMatchObject({ state: 'delayed' });
      clock.passTo(dueDeadline.dueAt);
      await expect(restarted.get(DeadlineReconciler).reconcile()).resolves.toBe(0); // promoted, not re-armed
      expect(await jobState(dueDeadline)).toMatchObject({ state: 'waiting' });
    } finally {
      await restarted.close();
    }
  });

  it('stops the run and removes its job when the clock stops; the next clock gets its own', async () => {
    const request = await requestWith([running('acknowledge', new Date(Date.now() + 7 * DAY))]);
    await sync.sync({ requestId: request.id });
    const [acknowledge] = await openDeadlines(request);

    const decideDue = new Date(Date.now() + 30 * DAY);
    await setTimers(request, [running('decide', decideDue)]); // acknowledged: that clock stops, decide starts
    await sync.sync({ requestId: request.id });

    const [stopped] = await harness.sql<{ status: string; stopped: boolean }>(
      'select status, stopped_at is not null as stopped from deadline where id = $1',
      [acknowledge.id],
    );
    expect(stopped).toEqual({ status: 'stopped', stopped: true });
    expect(await jobState(acknowledge)).toBeUndefined();
    const [decide] = await openDeadlines(request);
    expect(decide).toMatchObject({ kind: 'decide', status: 'pending', dueAt: decideDue });
    expect(await jobState(decide)).toMatchObject({ state: 'delayed' });
  });

  it('removes the job of a paused clock and arms a new one for its new due time when it resumes', async () => {
    const request = await requestWith([running('execute', new Date(Date.now() + 10 * DAY))]);
    await sync.sync({ requestId: request.id });
    const [before] = await openDeadlines(request);

    await setTimers(request, [{ name: 'execute', status: 'paused', remainingMs: 4 * DAY }]);
    await sync.sync({ requestId: request.id });
    expect(await openDeadlines(request)).toEqual([{ ...before, status: 'paused' }]);
    expect(await jobState(before)).toBeUndefined();

    const resumedDue = new Date(Date.now() + 4 * DAY);
    await setTimers(request, [running('execute', resumedDue)]);
    await sync.sync({ requestId: request.id });
    const [resumed] = await openDeadlines(request);
    expect(resumed).toMatchObject({ id: before.id, status: 'pending', dueAt: resumedDue });
    expect(await jobState(resumed)).toMatchObject({ state: 'delayed', data: { dueAt: resumedDue.toISOString() } });
  });
});
