import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { AuditEventSchema, InboxItemSchema, OutboxMessageSchema, WebhookDeliverySchema } from '@liaison/data';
import { OutboxRelay, verifyWebhookSignature, WEBHOOKS_QUEUE } from '@liaison/notifications';
import { eventually } from '@liaison/testing';
import { freePort } from '../fault/support/free-port';
import { startApi, type ApiHarness } from './support/api-harness';
import { createCast, createMlaUnderReview, transition, type Cast } from './support/notification-cast';
import { startNotificationsWorker, type WorkerHarness } from './support/notifications-worker';
import { startSmtpCapture, type SmtpCapture } from './support/smtp-capture';
import { LOCAL_RECEIVERS, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/**
 * One approval, every channel, through the real worker: inbox entries, e-mails over a real SMTP server and a
 * signed webhook to a real HTTP receiver, each exactly once per recipient, even when the relay pushes again.
 */
describe('notifications of a transition (e2e, real worker, SMTP and HTTP receiver)', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let smtp: SmtpCapture;
  let receiver: WebhookReceiver;
  let cast: Cast;
  let nepalSecret: string;
  let metricsPort: number;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    receiver = await startWebhookReceiver();
    metricsPort = await freePort();
    api = await startApi({
      METRICS_PORT: String(metricsPort),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'Liaison <no-reply@liaison.test>',
      OUTBOX_POLL_MS: '500',
      WEBHOOK_BACKOFF_MS: '100',
      ...LOCAL_RECEIVERS,
    });
    worker = await startNotificationsWorker();
    cast = await createCast(api);
    const nepalHook = await api
      .http()
      .post('/v1/webhooks')
      .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
      .send({ url: receiver.url, events: ['request.*'], description: 'Nepal case system' })
      .expect(201);
    nepalSecret = nepalHook.body.secret;
    await api
      .http()
      .post('/v1/webhooks')
      .auth(cast.tokens.indiaAdmin, { type: 'bearer' })
      .send({ url: receiver.url, events: ['deadline.*'] })
      .expect(201);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.close();
    await smtp?.close();
  });

  it('tells the counterpart officers and the task force once each, by inbox, e-mail and one signed webhook', async () => {
    const request = await createMlaUnderReview(api.em(), cast, { taskForce: true });
    await transition(api, cast.tokens.indiaSupervisor, request.id, 'approve').expect(200);

    const told = [cast.users.nepalOfficer, cast.users.nepalOfficer2, cast.users.thaiMember];
    const entries = await eventually(async () => {
      const found = await api.em().find(InboxItemSchema, { kind: 'request.approve' });
      expect(found).toHaveLength(3);
      return found;
    });
    expect(entries.map((entry) => entry.recipient.id).sort()).toEqual(told.map((user) => user.id).sort());
    expect(entries[0].title).toContain(request.reference);
    expect(entries[0].link).toBe(`/v1/requests/${request.id}`);

    const mails = await eventually(() => {
      const approvals = smtp.messages.filter((mail) => mail.header('X-Liaison-Event') === 'request.approve');
      expect(approvals).toHaveLength(3);
      return approvals;
    });
    expect(mails.flatMap((mail) => mail.to).sort()).toEqual(told.map((user) => user.email).sort());
    expect(mails[0].header('Subject')).toContain(request.reference);

    const [webhook] = await eventually(() => {
      expect(receiver.received).toHaveLength(1);
      return receiver.received;
    });
    expect(webhook.json).toMatchObject({
      type: 'request.approve',
      data: { requestId: request.id, reference: request.reference, from: 'under_review', to: 'transmitted' },
    });
    expect(webhook.headers['liaison-event-id']).toBe(webhook.json.id);
    expect(webhook.headers['liaison-timestamp']).toMatch(/^\d+$/);
    expect(verifyWebhookSignature(nepalSecret, String(webhook.headers['liaison-signature']), webhook.body)).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', String(webhook.headers['liaison-signature']), webhook.body)).toBe(
      false,
    );

    // no content or persons in any body
    for (const text of [webhook.body, ...mails.map((mail) => mail.raw), ...entries.map((entry) => entry.body)]) {
      expect(text).not.toContain('Raxaul');
      expect(text).not.toContain('Bank records');
    }

    // the relay pushes the same rows again (a crash after queuing, before marking): nothing is delivered twice
    await api.em().nativeUpdate(OutboxMessageSchema, { requestId: request.id }, { publishedAt: null });
    await worker.module.get(OutboxRelay).wake();
    await eventually(async () =>
      expect(await api.em().count(OutboxMessageSchema, { requestId: request.id, publishedAt: null })).toBe(0),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await api.em().count(InboxItemSchema, { kind: 'request.approve' })).toBe(3);
    expect(smtp.messages.filter((mail) => mail.header('X-Liaison-Event') === 'request.approve')).toHaveLength(3);
    expect(receiver.received).toHaveLength(1);
  });

  it('asks the requesting supervisors for the approval they owe, and the filer hears of the outcome', async () => {
    const request = await createMlaUnderReview(api.em(), cast);
    await transition(api, cast.tokens.indiaSupervisor, request.id, 'withdraw', {
      reason: 'Assistance no longer required',
    }).expect(200);
    await eventually(async () => {
      const outcome = await api.em().find(InboxItemSchema, { kind: 'request.withdraw' });
      expect(outcome.map((entry) => entry.recipient.id)).toEqual([cast.users.indiaOfficer.id]);
      expect(outcome[0].body).toContain('You filed this request');
    });
    const returned = await createMlaUnderReview(api.em(), cast);
    await transition(api, cast.tokens.indiaSupervisor, returned.id, 'return_for_amendment', {
      reason: 'Add the account numbers',
    }).expect(200);
    await transition(api, cast.tokens.indiaOfficer, returned.id, 'submit').expect(200);
    await eventually(async () => {
      const owed = await api
        .em()
        .find(InboxItemSchema, { kind: 'request.submit', recipient: cast.users.indiaSupervisor });
      expect(owed).toHaveLength(1);
      // told what they must do, from the workflow, not that their central authority must decide
      expect(owed[0].body).toContain('You must approve or return for amendment.');
      expect(owed[0].body).not.toMatch(/event:|version \d/);
    });
    // Nepal does not hear of the requesting side's internal steps
    expect(await api.em().count(InboxItemSchema, { kind: 'request.submit', recipient: cast.users.nepalOfficer })).toBe(
      0,
    );
  });

  describe('GET /v1/inbox', () => {
    it('lists unread first, newest first, in cursor pages, with the unread count', async () => {
      const me = cast.users.nepalSupervisor;
      const em = api.em();
      const ids: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        const item = em.create(InboxItemSchema, {
          recipient: me,
          kind: 'test',
          title: `notice ${index}`,
          body: 'body',
          link: null,
          dedupKey: `inbox-test-${me.id}-${index}`,
          readAt: index < 2 ? new Date() : null,
        });
        await em.flush();
        ids.push(item.id);
      }
      const token = cast.tokens.nepalSupervisor;
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: '2', ...(cursor ? { cursor } : {}) };
        const page = await api.http().get('/v1/inbox').query(query).auth(token, { type: 'bearer' }).expect(200);
        expect(page.body.unreadCount).toBe(3);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);

      const unreadOnly = await api.http().get('/v1/inbox?unread=true').auth(token, { type: 'bearer' }).expect(200);
      expect(unreadOnly.body.items).toHaveLength(3);
      const count = await api.http().get('/v1/inbox/unread-count').auth(token, { type: 'bearer' }).expect(200);
      expect(count.body).toEqual({ unread: 3 });
    });

    it('marks an entry read once, audited in the agency stream; others’ entries are 404; bad cursors 400', async () => {
      const entry = await api.em().findOneOrFail(InboxItemSchema, { recipient: cast.users.nepalOfficer });
      const token = cast.tokens.nepalOfficer;
      const read = await api.http().post(`/v1/inbox/${entry.id}/read`).auth(token, { type: 'bearer' }).expect(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      await api.http().post(`/v1/inbox/${entry.id}/read`).auth(token, { type: 'bearer' }).expect(200);
      const audits = await api.em().find(AuditEventSchema, { action: 'inbox.read', subjectId: entry.id });
      expect(audits).toHaveLength(1);
      expect(audits[0].stream).toBe(`agency:${cast.nepal.id}`);

      const foreign = await api
        .http()
        .post(`/v1/inbox/${entry.id}/read`)
        .auth(cast.tokens.thaiMember, { type: 'bearer' })
        .expect(404);
      expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
      const bad = await api.http().get('/v1/inbox?cursor=bm9wZQ').auth(token, { type: 'bearer' }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor', in: 'query' })]);
    });
  });

  describe('/v1/webhooks', () => {
    it('is for agency ADMINs: others get 403, other agencies’ endpoints are 404, the secret is shown once', async () => {
      await api.http().get('/v1/webhooks').auth(cast.tokens.nepalOfficer, { type: 'bearer' }).expect(403);
      const list = await api.http().get('/v1/webhooks').auth(cast.tokens.nepalAdmin, { type: 'bearer' }).expect(200);
      expect(list.body.items).toHaveLength(1);
      const [endpoint] = list.body.items;
      expect(endpoint).not.toHaveProperty('secret');
      expect(JSON.stringify(list.body)).not.toContain(nepalSecret);
      await api.http().get(`/v1/webhooks/${endpoint.id}`).auth(cast.tokens.indiaAdmin, { type: 'bearer' }).expect(404);
      const trail = await api.em().find(AuditEventSchema, { action: 'webhook.registered', subjectId: endpoint.id });
      expect(trail).toHaveLength(1);
      expect(JSON.stringify(trail[0].data)).not.toContain(nepalSecret);
    });

    it('refuses malformed endpoints with the wrong fields', async () => {
      const refused = await api
        .http()
        .post('/v1/webhooks')
        .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
        .send({ url: 'not a url', events: ['everything'] })
        .expect(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['events', 'url']);
    });

    it('updates, pauses and deletes an endpoint, each audited', async () => {
      const created = await api
        .http()
        .post('/v1/webhooks')
        .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
        .send({ url: 'https://example.invalid/hook' })
        .expect(201);
      expect(created.body.events).toEqual(['*']);
      const path = `/v1/webhooks/${created.body.id}`;
      const token = cast.tokens.nepalAdmin;
      const patched = await api
        .http()
        .patch(path)
        .auth(token, { type: 'bearer' })
        .send({ events: ['deadline.overdue'], active: false })
        .expect(200);
      expect(patched.body).toMatchObject({ events: ['deadline.overdue'], active: false });
      await api.http().delete(path).auth(token, { type: 'bearer' }).expect(204);
      await api.http().get(path).auth(token, { type: 'bearer' }).expect(404);
      const actions = await api
        .em()
        .find(AuditEventSchema, { subjectId: created.body.id }, { orderBy: { seq: 'asc' } });
      expect(actions.map((entry) => entry.action)).toEqual([
        'webhook.registered',
        'webhook.updated',
        'webhook.deleted',
      ]);
    });

    it('shows the delivery log and replays a delivery with the same event id', async () => {
      const list = await api.http().get('/v1/webhooks').auth(cast.tokens.nepalAdmin, { type: 'bearer' }).expect(200);
      const endpointId = list.body.items[0].id;
      const log = await api
        .http()
        .get(`/v1/webhooks/${endpointId}/deliveries`)
        .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
        .expect(200);
      expect(log.body.items).toHaveLength(1);
      const [delivery] = log.body.items;
      expect(delivery).toMatchObject({ eventType: 'request.approve', status: 'delivered', replays: 0 });
      expect(delivery.attempts).toEqual([expect.objectContaining({ status: 200, error: null })]);

      const before = receiver.received.length;
      const replayed = await api
        .http()
        .post(`/v1/webhooks/${endpointId}/deliveries/${delivery.id}/replay`)
        .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
        .expect(202);
      expect(replayed.body).toMatchObject({ status: 'pending', replays: 1 });
      await eventually(() => expect(receiver.received).toHaveLength(before + 1));
      expect(receiver.received[before].headers['liaison-event-id']).toBe(delivery.eventId);
      await eventually(async () => {
        const row = await api.em().findOneOrFail(WebhookDeliverySchema, delivery.id);
        expect(row.status).toBe('delivered');
        expect(row.attempts).toHaveLength(2);
      });
      await api
        .http()
        .post(`/v1/webhooks/${endpointId}/deliveries/${delivery.id}/replay`)
        .auth(cast.tokens.indiaAdmin, { type: 'bearer' })
        .expect(404);
    });
  });

  describe('operations', () => {
    it('opens the queue board to platform admins only', async () => {
      const anonymous = await api.http().get('/admin/queues').expect(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      await api.http().get('/admin/queues').auth(cast.tokens.nepalAdmin, { type: 'bearer' }).expect(403);
      const board = await api.http().get('/admin/queues').auth(cast.tokens.platformAdmin, { type: 'bearer' });
      expect(board.status).toBe(200);
      expect(board.text).toContain('<html');
      const queues = await api
        .http()
        .get('/admin/queues/api/queues')
        .auth(cast.tokens.platformAdmin, { type: 'bearer' })
        .expect(200);
      expect(queues.body.queues.map((queue: { name: string }) => queue.name)).toEqual(
        expect.arrayContaining(['notifications', 'inbox', 'email', 'webhooks', 'deadlines']),
      );
      // the web console's link hands the token over in a cookie scoped to the board
      const cookie = (token: string) => `theme=dark; liaison_queue_board=${token}`;
      await api.http().get('/admin/queues/api/queues').set('cookie', cookie(cast.tokens.platformAdmin)).expect(200);
      await api.http().get('/admin/queues').set('cookie', cookie(cast.tokens.nepalAdmin)).expect(403);
      await api.http().get('/admin/queues').set('cookie', cookie('not-a-token')).expect(401);
    });

    it('keeps the queue board read-only: adding or editing a job is refused and changes nothing', async () => {
      const queue = api.app.get<Queue>(getQueueToken(WEBHOOKS_QUEUE));
      const before = await queue.getJobCounts();
      const [done] = await queue.getCompleted();
      const token = cast.tokens.platformAdmin;
      const forged = { deliveryId: done.id, endpointId: done.data.endpointId, event: { type: 'request.grant' } };
      const added = await api
        .http()
        .post('/admin/queues/api/queues/webhooks/add')
        .auth(token, { type: 'bearer' })
        .send({ name: 'deliver', data: forged, options: {} });
      expect(added.status).toBe(405);
      const edited = await api
        .http()
        .patch(`/admin/queues/api/queues/webhooks/${done.id}/update-data`)
        .auth(token, { type: 'bearer' })
        .send({ jobData: forged });
      expect(edited.status).toBe(405);
      expect(await queue.getJobCounts()).toEqual(before);
      expect((await queue.getJob(done.id as string))?.data).toEqual(done.data);
    });

    it('retries and cleans failed jobs through two audited routes, for platform admins only', async () => {
      const queue = api.app.get<Queue>(getQueueToken(WEBHOOKS_QUEUE));
      const failing = await queue.add('unknown-job', {}, { jobId: `matrix-failing-${Date.now()}`, attempts: 1 });
      await eventually(async () => expect(await failing.isFailed()).toBe(true));
      const route = (action: string) => `/v1/admin/queues/webhooks/failed/${action}`;
      await api.http().post(route('retry')).auth(cast.tokens.nepalAdmin, { type: 'bearer' }).expect(403);
      const unknown = await api
        .http()
        .post('/v1/admin/queues/nowhere/failed/retry')
        .auth(cast.tokens.platformAdmin, { type: 'bearer' })
        .expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'queue', in: 'path' })]);

      const retried = await api
        .http()
        .post(route('retry'))
        .auth(cast.tokens.platformAdmin, { type: 'bearer' })
        .expect(200);
      expect(retried.body).toEqual({ queue: 'webhooks', jobs: 1 });
      await eventually(async () => expect(await queue.getJobCounts('failed')).toEqual({ failed: 1 }));
      const cleaned = await api
        .http()
        .post(route('clean'))
        .auth(cast.tokens.platformAdmin, { type: 'bearer' })
        .expect(200);
      expect(cleaned.body).toEqual({ queue: 'webhooks', jobs: 1 });
      expect(await queue.getJob(failing.id as string)).toBeUndefined();

      const trail = await api
        .em()
        .find(AuditEventSchema, { subjectType: 'queue', subjectId: 'webhooks' }, { orderBy: { seq: 'asc' } });
      expect(trail.map((entry) => [entry.action, entry.data])).toEqual([
        ['queue.failed_retried', { queue: 'webhooks', jobs: 1 }],
        ['queue.failed_cleaned', { queue: 'webhooks', jobs: 1 }],
      ]);
      expect(trail[0].stream).toBe('system');
      expect(trail[0].actorUserId).toBe(cast.users.platformAdmin.id);
    });

    it('exposes queue depth, failures and the outbox backlog in /metrics', async () => {
      const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toMatch(/liaison_queue_jobs\{queue="webhooks",state="completed"\} \d+/);
      expect(text).toMatch(/liaison_queue_jobs\{queue="email",state="failed"\} 0/);
      expect(text).toMatch(/liaison_outbox_unpublished \d+/);
    });
  });
});
