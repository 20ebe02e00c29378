import { HttpException } from '@nestjs/common';
import type { Agency, Request, User } from '@liaison/data';
import type { Actor } from '@liaison/domain';
import { mediumTest, type MediumTest } from '@liaison/testing';
import type { TransitionCommand } from './transition-command';
import { WorkflowModule } from './workflow.module';
import { WorkflowService } from './workflow.service';

interface Written {
  state: string;
  version: number;
  history: number;
  audit: { action: string; data: Record<string, unknown> }[];
  outbox: { topic: string; payload: Record<string, unknown> }[];
}

/** The one write path on the real database: what a transition writes, and what a refusal or a failure does not. */
describe('WorkflowService (medium)', () => {
  let harness: MediumTest;
  let workflow: WorkflowService;
  let india: Agency;
  let nepal: Agency;
  let officer: User;
  let supervisor: User;

  beforeAll(async () => {
    harness = await mediumTest({ imports: [WorkflowModule] });
    workflow = harness.get(WorkflowService);
    india = await harness.factory.agency({ country: 'IN' });
    nepal = await harness.factory.agency({ country: 'NP' });
    officer = await harness.factory.user(india, { roles: ['OFFICER'] });
    supervisor = await harness.factory.user(india, { roles: ['SUPERVISOR'] });
  });

  afterAll(() => harness?.close());

  const actor = (user: User): Actor => ({
    userId: user.id,
    agencyId: user.agency.id,
    roles: user.roles,
    platformAdmin: false,
  });

  const underReview = () =>
    harness.factory.request({ requesting: india, requested: nepal, createdBy: officer, state: 'under_review' });

  /** The one place the spec calls the service. */
  const apply = (user: User, command: TransitionCommand) =>
    workflow.apply({ actor: actor(user), clientRequestId: 'medium-spec' }, command);

  const send = (request: Request, user: User, event: string, payload: Record<string, unknown> = {}) =>
    apply(user, { requestId: request.id, event, payload });

  /** Everything the write path may have written about the request, read as the owner. */
  async function written(request: Request): Promise<Written> {
    const [row] = await harness.sql<{ state: string; version: number }>(
      'select state, version from request where id = $1',
      [request.id],
    );
    const [history] = await harness.sql<{ count: number }>(
      'select count(*)::int as count from request_history where request_id = $1',
      [request.id],
    );
    const audit = await harness.sql<Written['audit'][number]>(
      'select action, data from audit_event where stream = $1 order by seq',
      [`request:${request.id}`],
    );
    const outbox = await harness.sql<Written['outbox'][number]>(
      'select topic, payload from outbox_message where request_id = $1 order by created_at, id',
      [request.id],
    );
    return { state: row.state, version: row.version, history: history.count, audit, outbox };
  }

  async function failure(work: Promise<unknown>): Promise<HttpException & { slug?: string; extensions?: object }> {
    const error = await work.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof HttpException)) throw new Error(`expected an HTTP problem, got ${String(error)}`);
    return error;
  }

  it('writes the new state and version, a history row, the audit entry and the outbox rows in one transaction', async () => {
    const request = await underReview();
    const applied = await send(request, supervisor, 'approve');
    expect(applied.request).toMatchObject({ state: 'transmitted', version: 2 });

    const after = await written(request);
    expect(after).toMatchObject({ state: 'transmitted', version: 2, history: 1 });
    expect(after.audit).toEqual([
      {
        action: 'request.transition',
        data: expect.objectContaining({ event: 'approve', from: 'under_review', to: 'transmitted', version: 2 }),
      },
    ]);
    const topics = after.outbox.map((row) => row.topic);
    expect(topics).toContain('start_timer');
    expect(topics).toContain('notify');
    const [history] = await harness.sql<{ id: string; event: string; from_state: string; to_state: string }>(
      'select id, event, from_state, to_state from request_history where request_id = $1',
      [request.id],
    );
    expect(history).toMatchObject({ event: 'approve', from_state: 'under_review', to_state: 'transmitted' });
    for (const row of after.outbox) expect(row.payload).toMatchObject({ historyId: history.id, version: 2 });

    const transactions = await harness.sql<{ xmin: string }>(
      `select xmin::text from request where id = $1
      union select xmin::text from request_history where request_id = $1
      union select xmin::text from audit_event where stream = $2
      union select xmin::text from outbox_message where request_id = $1`,
      [request.id, `request:${request.id}`],
    );
    expect(transactions).toHaveLength(1);
  });

  it.each([
    { why: 'the wrong state', sender: 'supervisor', event: 'close', payload: {}, reason: 'WRONG_STATE' },
    { why: 'the wrong role', sender: 'officer', event: 'approve', payload: {}, reason: 'WRONG_ROLE' },
    {
      why: 'a missing payload',
      sender: 'supervisor',
      event: 'return_for_amendment',
      payload: {},
      reason: 'MISSING_PAYLOAD',
    },
  ] as const)('records a refusal for $why in the trail and changes nothing else', async (refused) => {
    const request = await underReview();
    const before = await written(request);
    const sender = refused.sender === 'officer' ? officer : supervisor;

    const error = await failure(send(request, sender, refused.event, refused.payload));
    expect(error.getStatus()).toBe(422);
    expect(error.extensions).toMatchObject({ event: refused.event, reason: refused.reason });

    const after = await written(request);
    expect(after).toEqual({
      ...before,
      audit: [
        {
          action: 'request.transition_refused',
          data: { event: refused.event, state: 'under_review', version: 1, reason: refused.reason },
        },
      ],
    });
  });

  it('chains refusals and accepted events on the request’s stream, each linked to the one before', async () => {
    const request = await underReview();
    await failure(send(request, officer, 'approve'));
    await send(request, supervisor, 'approve');
    await failure(send(request, supervisor, 'approve'));

    const chain = await harness.sql<{ seq: number; action: string; prev_hash: string; hash: string }>(
      'select seq, action, prev_hash, hash from audit_event where stream = $1 order by seq',
      [`request:${request.id}`],
    );
    expect(chain.map((entry) => [entry.seq, entry.action])).toEqual([
      [1, 'request.transition_refused'],
      [2, 'request.transition'],
      [3, 'request.transition_refused'],
    ]);
    expect(chain.slice(1).map((entry) => entry.prev_hash)).toEqual(chain.slice(0, -1).map((entry) => entry.hash));
  });

  it('records a caller who is no party to act (403) in the trail too', async () => {
    const request = await underReview();
    const auditor = await harness.factory.user(india, { roles: ['AUDITOR'] });

    const error = await failure(send(request, auditor, 'approve'));
    expect(error.getStatus()).toBe(403);

    const after = await written(request);
    expect(after).toMatchObject({ state: 'under_review', version: 1, history: 0, outbox: [] });
    expect(after.audit).toEqual([
      { action: 'request.transition_refused', data: expect.objectContaining({ reason: 'WRONG_SIDE' }) },
    ]);
  });

  it('answers 412 to a stale If-Match and writes nothing, not even a refusal', async () => {
    const request = await underReview();

    const error = await failure(
      apply(supervisor, { requestId: request.id, event: 'approve', payload: {}, ifMatch: 7 }),
    );
    expect(error.getStatus()).toBe(412);
    expect(error.extensions).toEqual({ currentVersion: 1 });
    expect(await written(request)).toEqual({
      state: 'under_review',
      version: 1,
      history: 0,
      audit: [],
      outbox: [],
    });
  });

  it('answers 409 while another transaction holds the request, and applies the event once it lets go', async () => {
    const request = await underReview();
    const other = await harness.connect();
    await other.query('begin');
    await other.query('select id from request where id = $1 for no key update', [request.id]);

    const error = await failure(send(request, supervisor, 'approve'));
    expect(error.getStatus()).toBe(409);
    expect(error.slug).toBe('conflict');
    expect(await written(request)).toEqual({
      state: 'under_review',
      version: 1,
      history: 0,
      audit: [],
      outbox: [],
    });

    await other.query('rollback');
    await expect(send(request, supervisor, 'approve')).resolves.toMatchObject({ request: { state: 'transmitted' } });
  });

  it('leaves nothing behind when a statement fails mid-transaction (the outbox insert violates a constraint)', async () => {
    const request = await underReview();
    await harness.sql(
      `alter table outbox_message add constraint medium_spec_no_timers check (topic <> 'start_timer') not valid`,
    );
    try {
      await expect(send(request, supervisor, 'approve')).rejects.toThrow(/medium_spec_no_timers/);
    } finally {
      await harness.sql('alter table outbox_message drop constraint medium_spec_no_timers');
    }
    expect(await written(request)).toEqual({
      state: 'under_review',
      version: 1,
      history: 0,
      audit: [],
      outbox: [],
    });

    // the pooled connection was rolled back and given back in a usable state
    await expect(send(request, supervisor, 'approve')).resolves.toMatchObject({ request: { version: 2 } });
  });
});
