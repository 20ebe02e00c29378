import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Agency, StoredTimer, User } from '@liaison/data';
import { mediumTest, type MediumTest } from '@liaison/testing';
import { CLOCK } from '../clock/clock';
import { ManualClock } from '../clock/manual-clock';
import { NotificationProcessorsModule } from '../processors/notification-processors.module';
import { DEADLINES_QUEUE } from '../queues/queue-names';
import { OutboxListener } from '../relay/outbox-listener';
import { QueueWorkers } from '../workers/queue-workers';
import { remindJobId } from './deadline-arming';
import { DeadlineReminding } from './deadline-reminding';
import { DeadlineSync } from './deadline-sync';

const DAY = 86_400_000;

/**
 * Reminders before a deadline (DEADLINE_REMINDERS, here 3 days and 1 day for every timer, 10 days for `execute`):
 * armed with the deadline, sent once to the roles of the responsible side the request waits on, not before their
 * time, not for a clock that stopped.
 */
describe('deadline reminders (medium)', () => {
  let harness: MediumTest;
  let clock: ManualClock;
  let india: Agency;
  let nepal: Agency;
  let officer: User;

  beforeAll(async () => {
    clock = new ManualClock();
    harness = await mediumTest({
      imports: [NotificationProcessorsModule],
      overrides: [
        [QueueWorkers, {}],
        [OutboxListener, {}],
        [CLOCK, clock],
      ] as const,
      env: { DEADLINE_RECONCILE_MS: '0', DEADLINE_REMINDERS: '*=3d,1d;execute=10d' },
    });
    india = await harness.factory.agency({ country: 'IN' });
    nepal = await harness.factory.agency({ country: 'NP' });
    officer = await harness.factory.user(india, { roles: ['OFFICER'] });
  });
  afterAll(() => harness?.close());
  afterEach(() => clock.reset());

  const running = (name: string, dueAt: Date): StoredTimer => ({ name, status: 'running', dueAt: dueAt.toISOString() });
  const deadlineOf = async (requestId: string) =>
    (
      await harness.sql<{ id: string; dueAt: Date }>(
        `select id, due_at as "dueAt" from deadline where request_id = $1 and stopped_at is null`,
        [requestId],
      )
    )[0];
  const reminders = (requestId: string) =>
    harness.sql<{ topic: string; payload: { beforeMs: number; effect: { recipient: object; reason: string } } }>(
      `select topic, payload from outbox_message where request_id = $1 and topic = 'deadline_reminder'`,
      [requestId],
    );

  it('arms one job per reminder ahead, per the timer’s schedule', async () => {
    const dueAt = new Date(Date.now() + 7 * DAY);
    const request = await harness.factory.request({
      requesting: india,
      requested: nepal,
      createdBy: officer,
      state: 'transmitted',
      timers: [running('acknowledge', dueAt)],
    });
    await harness.get(DeadlineSync).sync({ requestId: request.id, started: { timer: 'acknowledge', source: 'test' } });
    const deadline = await deadlineOf(request.id);
    const queue = harness.get<Queue>(getQueueToken(DEADLINES_QUEUE));
    for (const [beforeMs, delay] of [
      [3 * DAY, 4 * DAY],
      [DAY, 6 * DAY],
    ]) {
      const job = await queue.getJob(remindJobId(deadline, beforeMs));
      expect(job?.data).toEqual({ deadlineId: deadline.id, dueAt: dueAt.toISOString(), beforeMs });
      expect(job?.opts.delay).toBeGreaterThan(delay - 60_000);
      expect(job?.opts.delay).toBeLessThanOrEqual(delay);
    }
  });

  it('reminds the requested officers three days before, once, and not before its time', async () => {
    const dueAt = new Date(Date.now() + 7 * DAY);
    const request = await harness.factory.request({
      requesting: india,
      requested: nepal,
      createdBy: officer,
      state: 'transmitted',
      timers: [running('acknowledge', dueAt)],
    });
    await harness.get(DeadlineSync).sync({ requestId: request.id, started: { timer: 'acknowledge', source: 'test' } });
    const deadline = await deadlineOf(request.id);
    const job = { deadlineId: deadline.id, dueAt: dueAt.toISOString(), beforeMs: 3 * DAY };
    const reminding = harness.get(DeadlineReminding);

    expect(await reminding.remind(job)).toMatchObject({ outcome: 'early' });
    clock.passTo(new Date(dueAt.getTime() - 3 * DAY));
    expect(await reminding.remind(job)).toEqual({ outcome: 'reminded', roles: ['OFFICER'] });
    expect(await reminding.remind(job)).toEqual({ outcome: 'stale' });
    expect(await reminders(request.id)).toEqual([
      {
        topic: 'deadline_reminder',
        payload: expect.objectContaining({
          beforeMs: 3 * DAY,
          effect: {
            type: 'notify',
            recipient: { type: 'party', side: 'requested', role: 'OFFICER' },
            reason: 'deadline_reminder',
          },
        }),
      },
    ]);
    const audited = await harness.sql<{ count: number }>(
      `select count(*)::int as count from audit_event where subject_id = $1 and action = 'deadline.reminder'`,
      [deadline.id],
    );
    expect(audited[0].count).toBe(1);
  });

  it('sends nothing for a clock that stopped meanwhile', async () => {
    const dueAt = new Date(Date.now() + 7 * DAY);
    const request = await harness.factory.request({
      requesting: india,
      requested: nepal,
      createdBy: officer,
      state: 'transmitted',
      timers: [running('acknowledge', dueAt)],
    });
    await harness.get(DeadlineSync).sync({ requestId: request.id, started: { timer: 'acknowledge', source: 'test' } });
    const deadline = await deadlineOf(request.id);
    await harness.sql(`update request set timers = '[]'::jsonb where id = $1`, [request.id]);
    clock.passTo(new Date(dueAt.getTime() - DAY));
    const outcome = await harness
      .get(DeadlineReminding)
      .remind({ deadlineId: deadline.id, dueAt: dueAt.toISOString(), beforeMs: DAY });
    expect(outcome).toEqual({ outcome: 'stale' });
    expect(await reminders(request.id)).toEqual([]);
  });
});
