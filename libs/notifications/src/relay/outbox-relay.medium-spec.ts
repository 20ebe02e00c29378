import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { uuidv7 } from 'uuidv7';
import { AgencySchema, UserSchema, WebhookEndpointSchema, type Agency, type Request, type User } from '@liaison/data';
import { decideTransition } from '@liaison/domain';
import { mediumTest, type MediumTest } from '@liaison/testing';
import { Outbox } from '../outbox/outbox';
import { NotificationProcessorsModule } from '../processors/notification-processors.module';
import { DEADLINES_QUEUE, EMAIL_QUEUE, WEBHOOKS_QUEUE, type QueueName } from '../queues/queue-names';
import { QueueWorkers } from '../workers/queue-workers';
import { OutboxListener } from './outbox-listener';
import { OutboxRelay } from './outbox-relay';

interface Relayed {
  unpublished: number;
  inbox: string[];
  email: string[];
  webhooks: string[];
  deadlines: string[];
}

/**
 * The relay on the real database and BullMQ (this worker's Redis prefix): committed outbox rows become inbox rows
 * and queued jobs. No queue worker runs and nothing wakes the relay but the test, so every job it queued is still
 * there to count.
 */
describe('OutboxRelay and the fan-out (medium)', () => {
  let harness: MediumTest;
  let relay: OutboxRelay;
  let india: Agency;
  let nepal: Agency;
  let indiaOfficer: User;
  let indiaSupervisor: User;
  let nepalOfficers: User[];
  let thaiMember: User;

  beforeAll(async () => {
    harness = await mediumTest({
      imports: [NotificationProcessorsModule],
      overrides: [
        [QueueWorkers, {}],
        [OutboxListener, {}],
      ],
      env: { DEADLINE_RECONCILE_MS: '0' },
    });
    relay = harness.get(OutboxRelay);
    india = await harness.factory.agency({ country: 'IN' });
    nepal = await harness.factory.agency({ country: 'NP' });
    const thailand = await harness.factory.agency({ country: 'TH' });
    indiaOfficer = await harness.factory.user(india, { roles: ['OFFICER'] });
    indiaSupervisor = await harness.factory.user(india, { roles: ['SUPERVISOR'] });
    nepalOfficers = [
      await harness.factory.user(nepal, { roles: ['OFFICER'] }),
      await harness.factory.user(nepal, { roles: ['OFFICER'] }),
    ];
    await harness.factory.user(nepal, { roles: ['OFFICER'], active: false });
    await harness.factory.user(nepal, { roles: ['SUPERVISOR'] });
    thaiMember = await harness.factory.user(thailand, { roles: ['OFFICER'] });
    await subscribe(nepal, ['request.*']);
    await subscribe(nepal, ['deadline.*']);
    await subscribe(india, ['*']);
  });

  afterAll(() => harness?.close());

  async function subscribe(agency: Agency, events: string[]): Promise<void> {
    const em = harness.em();
    em.create(WebhookEndpointSchema, {
      agency: em.getReference(AgencySchema, agency.id),
      url: 'https://partner.example/hooks',
      description: null,
      events,
      secretCiphertext: Buffer.from('medium-spec-secret'),
      active: true,
      createdBy: em.getReference(UserSchema, indiaOfficer.id),
      deletedAt: null,
    });
    await em.flush();
  }

  /**
   * An MLA followed by a task force, approved by the requesting supervisor: the outbox rows the write path commits
   * for it (the rules' effects, each with the request's references and the transition), in one transaction.
   */
  async function approved(): Promise<Request> {
    const request = await harness.factory.request({
      requesting: india,
      requested: nepal,
      createdBy: indiaOfficer,
      state: 'transmitted',
    });
    await harness.factory.taskForce(indiaSupervisor, { members: [{ user: thaiMember }], requests: [request] });
    const decision = decideTransition(
      'mla',
      { state: 'under_review', timers: [], facts: { urgency: 'normal', taskForceLinked: true, content: {} } },
      { type: 'approve' },
      { side: 'requesting', roles: ['SUPERVISOR'], now: new Date() },
    );
    if (!decision.ok) throw new Error(decision.message);
    const about = {
      requestId: request.id,
      reference: request.reference,
      kind: 'mla',
      requestingAgencyId: india.id,
      requestedAgencyId: nepal.id,
      event: 'approve',
      from: 'under_review',
      to: 'transmitted',
      version: 2,
      historyId: uuidv7(),
    };
    const entries = decision.effects.map((effect) => ({
      topic: effect.type,
      requestId: request.id,
      payload: { ...about, effect: JSON.parse(JSON.stringify(effect)) as Record<string, unknown> },
    }));
    await harness.em().transactional((tx) => harness.get(Outbox).add(tx, entries));
    return request;
  }

  const queue = (name: QueueName) => harness.get<Queue>(getQueueToken(name));

  /** Jobs name the request, or one of its outbox rows. */
  async function jobIds(name: QueueName, request: Request): Promise<string[]> {
    const jobs = await queue(name).getJobs(['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed']);
    const rows = await harness.sql<{ id: string }>('select id from outbox_message where request_id = $1', [request.id]);
    const outboxIds = new Set(rows.map((row) => row.id));
    const about = (data: Record<string, string | undefined>) =>
      data['requestId'] === request.id || outboxIds.has(data['outboxId'] ?? '');
    return jobs
      .filter((job) => about(job.data))
      .map((job) => job.id as string)
      .sort();
  }

  async function relayed(request: Request): Promise<Relayed> {
    const [outbox] = await harness.sql<{ unpublished: number }>(
      'select count(*) filter (where published_at is null)::int as unpublished from outbox_message where request_id = $1',
      [request.id],
    );
    const inbox = await harness.sql<{ recipient: string }>(
      'select recipient_id as recipient from inbox_item where link = $1 order by recipient_id',
      [`/v1/requests/${request.id}`],
    );
    return {
      unpublished: outbox.unpublished,
      inbox: inbox.map((row) => row.recipient),
      email: await jobIds(EMAIL_QUEUE, request),
      webhooks: await jobIds(WEBHOOKS_QUEUE, request),
      deadlines: await jobIds(DEADLINES_QUEUE, request),
    };
  }

  const relayAll = async () => {
    let total = 0;
    for (let relayedNow = await relay.relayBatch(); relayedNow > 0; relayedNow = await relay.relayBatch()) {
      total += relayedNow;
    }
    return total;
  };

  const sorted = (users: User[]) => users.map((user) => user.id).sort();

  it('moves committed rows into inbox rows and jobs: one per recipient and channel, one per subscribed endpoint', async () => {
    const request = await approved();
    expect(await relayed(request)).toEqual({ unpublished: 3, inbox: [], email: [], webhooks: [], deadlines: [] });

    expect(await relayAll()).toBe(3);

    const after = await relayed(request);
    const recipients = sorted([...nepalOfficers, indiaSupervisor, thaiMember]);
    expect(after.unpublished).toBe(0);
    expect(after.inbox).toEqual(recipients);
    expect(after.email).toHaveLength(recipients.length);
    expect(after.email.map((id) => id.slice(id.length - 36)).sort()).toEqual(recipients);
    expect(after.webhooks).toHaveLength(1); // Nepal's request.* endpoint; the task force has no agency
    const [timerRow] = await harness.sql<{ id: string }>(
      `select id from outbox_message where request_id = $1 and topic = 'start_timer'`,
      [request.id],
    );
    expect(after.deadlines).toEqual([timerRow.id]);
    const sync = await queue(DEADLINES_QUEUE).getJob(timerRow.id);
    expect(sync?.data).toMatchObject({ requestId: request.id, started: { timer: 'acknowledge' } });
  });

  it('queues nothing again on a second pass', async () => {
    const request = await approved();
    await relayAll();
    const first = await relayed(request);

    expect(await relay.relayBatch()).toBe(0);
    expect(await relayed(request)).toEqual(first);
  });

  it('loses nothing when a pass fails after claiming, before anything was queued', async () => {
    const request = await approved();
    await harness.sql(`alter table inbox_item add constraint medium_spec_inbox_down check (false) not valid`);
    try {
      await expect(relay.relayBatch()).rejects.toThrow(/medium_spec_inbox_down/);
    } finally {
      await harness.sql('alter table inbox_item drop constraint medium_spec_inbox_down');
    }
    expect(await relayed(request)).toEqual({ unpublished: 3, inbox: [], email: [], webhooks: [], deadlines: [] });

    expect(await relayAll()).toBe(3);
    const after = await relayed(request);
    expect(after).toMatchObject({ unpublished: 0, inbox: sorted([...nepalOfficers, indiaSupervisor, thaiMember]) });
    expect(after.email).toHaveLength(4);
    expect(after.webhooks).toHaveLength(1);
    expect(after.deadlines).toHaveLength(1);
  });

  it('queues each job once when a pass dies after queuing, before its commit', async () => {
    const request = await approved();
    // the commit itself fails: a deferred trigger refuses the claim's update when the transaction ends
    await harness.sql(`create function medium_spec_refuse_commit() returns trigger language plpgsql as $$
      begin raise exception 'medium_spec_commit_lost'; end $$`);
    await harness.sql(`create constraint trigger medium_spec_refuse_commit after update on outbox_message
      deferrable initially deferred for each row execute function medium_spec_refuse_commit()`);
    try {
      await expect(relay.relayBatch()).rejects.toThrow(/medium_spec_commit_lost/);
    } finally {
      await harness.sql('drop trigger medium_spec_refuse_commit on outbox_message');
      await harness.sql('drop function medium_spec_refuse_commit()');
    }
    const lost = await relayed(request);
    expect(lost).toMatchObject({ unpublished: 3, inbox: [] }); // the inbox rows went with the transaction
    expect(lost.email).toHaveLength(4); // but Redis had the jobs already
    expect(lost.webhooks).toHaveLength(1);
    expect(lost.deadlines).toHaveLength(1);

    expect(await relayAll()).toBe(3);
    expect(await relayed(request)).toEqual({
      ...lost,
      unpublished: 0,
      inbox: sorted([...nepalOfficers, indiaSupervisor, thaiMember]),
    });
  });

  it('skips rows another relay holds, and relays them once it lets go', async () => {
    const request = await approved();
    const replica = await harness.connect();
    await replica.query('begin');
    await replica.query('select id from outbox_message where request_id = $1 for update', [request.id]);

    expect(await relay.relayBatch()).toBe(0);
    expect((await relayed(request)).unpublished).toBe(3);

    await replica.query('rollback');
    expect(await relayAll()).toBe(3);
    expect(await relayed(request)).toMatchObject({ unpublished: 0 });
  });
});
