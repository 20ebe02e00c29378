import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AuditEventSchema, DeadlineSchema, InboxItemSchema, RequestSchema, type Deadline } from '@liaison/data';
import { DEADLINES_QUEUE, DeadlineReconciler, ManualClock } from '@liaison/notifications';
import { eventually } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { createCast, createMlaUnderReview, transition, type Cast } from './support/notification-cast';
import { startNotificationsWorker, type WorkerHarness } from './support/notifications-worker';
import { LOCAL_RECEIVERS, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const DAY = 86_400_000;

/**
 * Legal deadlines on the worker's controllable clock: nobody waits seven days. The clock is moved, the
 * reconciler (which runs at start and periodically) brings due jobs forward, and the real processors act.
 */
describe('deadlines (e2e, real worker, controllable clock)', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let receiver: WebhookReceiver;
  let cast: Cast;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    api = await startApi({ OUTBOX_POLL_MS: '500', DEADLINE_RECONCILE_MS: '0', ...LOCAL_RECEIVERS });
    worker = await startNotificationsWorker();
    cast = await createCast(api);
    await api
      .http()
      .post('/v1/webhooks')
      .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
      .send({ url: receiver.url, events: ['deadline.*'] })
      .expect(201);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.close();
  });

  const deadlinesQueue = () => api.app.get<Queue>(getQueueToken(DEADLINES_QUEUE));
  const reconcile = () => worker.module.get(DeadlineReconciler).reconcile();

  const openDeadline = (requestId: string, kind: string, status: Deadline['status']) =>
    eventually(async () => {
      const found = await api.em().findOneOrFail(DeadlineSchema, { requestId, kind, stoppedAt: null });
      expect(found.status).toBe(status);
      return found;
    });

  /** Lets every deadline job that is due run to the end before asserting that nothing happened. */
  const settle = () =>
    eventually(async () => {
      const counts = await deadlinesQueue().getJobCounts('waiting', 'active', 'prioritized');
      expect(counts['waiting'] + counts['active'] + counts['prioritized']).toBe(0);
    });

  const transmitted = async () => {
    const request = await createMlaUnderReview(api.em(), cast);
    await transition(api, cast.tokens.indiaSupervisor, request.id, 'approve').expect(200);
    return request;
  };

  const escalations = (requestId: string) =>
    api.em().find(InboxItemSchema, { kind: 'deadline.overdue', link: `/v1/requests/${requestId}` });

  it('flags the request overdue, audits it and escalates to the requested side’s supervisors when the acknowledge deadline passes', async () => {
    const request = await transmitted();
    const deadline = await openDeadline(request.id, 'acknowledge', 'pending');
    expect(deadline.responsibleSide).toBe('requested');
    expect(deadline.legalSource).toMatch(/\S/);
    const stored = await api.em().findOneOrFail(RequestSchema, request.id);
    expect(deadline.dueAt.toISOString()).toBe(stored.timers[0].status === 'running' && stored.timers[0].dueAt);
    expect(deadline.dueAt.getTime() - Date.now()).toBeGreaterThan(6.9 * DAY);

    worker.clock.passTo(deadline.dueAt);
    await reconcile();

    await eventually(async () => expect((await api.em().findOneOrFail(RequestSchema, request.id)).overdue).toBe(true));
    expect((await api.em().findOneOrFail(DeadlineSchema, deadline.id)).status).toBe('overdue');
    const [audit] = await api
      .em()
      .find(AuditEventSchema, { stream: `request:${request.id}`, action: 'deadline.overdue' });
    expect(audit.data).toMatchObject({ deadline: 'acknowledge', responsibleSide: 'requested', state: 'transmitted' });
    const told = await eventually(async () => {
      const found = await escalations(request.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(told[0].recipient.id).toBe(cast.users.nepalSupervisor.id);
    const webhook = await eventually(() => {
      const found = receiver.received.find((hook) => hook.json.data['requestId'] === request.id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(webhook.json).toMatchObject({ type: 'deadline.overdue', data: { deadline: 'acknowledge' } });
    worker.clock.reset();
  });

  it('does not escalate when the request is acknowledged in time, and the decide clock starts', async () => {
    const request = await transmitted();
    const acknowledge = await openDeadline(request.id, 'acknowledge', 'pending');
    await transition(api, cast.tokens.nepalOfficer, request.id, 'acknowledge').expect(200);
    await openDeadline(request.id, 'decide', 'pending');
    expect((await api.em().findOneOrFail(DeadlineSchema, acknowledge.id)).status).toBe('stopped');

    worker.clock.passTo(acknowledge.dueAt);
    await reconcile();
    await settle();
    expect((await api.em().findOneOrFail(RequestSchema, request.id)).overdue).toBe(false);
    expect(await escalations(request.id)).toHaveLength(0);
    worker.clock.reset();
  });

  it('stops the clock while awaiting information and restarts it with the time that was left', async () => {
    const request = await transmitted();
    await transition(api, cast.tokens.nepalOfficer, request.id, 'acknowledge').expect(200);
    await transition(api, cast.tokens.nepalSupervisor, request.id, 'accept').expect(200);
    const running = await openDeadline(request.id, 'execute', 'pending');
    await transition(api, cast.tokens.nepalOfficer, request.id, 'request_information', {
      information: 'The account numbers',
    }).expect(200);
    const paused = await openDeadline(request.id, 'execute', 'paused');
    expect(paused.id).toBe(running.id);
    const remaining = paused.remainingMs as number;
    expect(remaining).toBeGreaterThan(89 * DAY);

    worker.clock.advance(200 * DAY); // long past the original due date: a paused clock does not fall due
    await reconcile();
    await settle();
    expect((await api.em().findOneOrFail(RequestSchema, request.id)).overdue).toBe(false);
    worker.clock.reset();

    const resumedAt = Date.now();
    await transition(api, cast.tokens.indiaOfficer, request.id, 'provide_information', {
      information: 'Accounts 1 and 2',
    }).expect(200);
    const resumed = await openDeadline(request.id, 'execute', 'pending');
    expect(resumed.id).toBe(running.id);
    expect(Math.abs(resumed.dueAt.getTime() - resumedAt - remaining)).toBeLessThan(5000);

    worker.clock.passTo(new Date(resumed.dueAt.getTime() - 60_000));
    await reconcile();
    await settle();
    expect((await api.em().findOneOrFail(RequestSchema, request.id)).overdue).toBe(false);

    worker.clock.passTo(resumed.dueAt);
    await reconcile();
    await eventually(async () => expect((await api.em().findOneOrFail(RequestSchema, request.id)).overdue).toBe(true));
    await eventually(async () => expect(await escalations(request.id)).toHaveLength(1));
    worker.clock.reset();
  });

  it('loses no deadline across a worker restart, even when Redis lost the delayed job', async () => {
    const request = await transmitted();
    const deadline = await openDeadline(request.id, 'acknowledge', 'pending');
    await eventually(async () => expect(await deadlinesQueue().getDelayedCount()).toBeGreaterThan(0));
    await worker.close();
    await deadlinesQueue().obliterate({ force: true });

    const clock = new ManualClock();
    clock.passTo(deadline.dueAt);
    worker = await startNotificationsWorker(clock); // re-arms at start from the deadline table

    await eventually(async () => expect((await api.em().findOneOrFail(RequestSchema, request.id)).overdue).toBe(true));
    await eventually(async () => expect(await escalations(request.id)).toHaveLength(1));
  });
});
