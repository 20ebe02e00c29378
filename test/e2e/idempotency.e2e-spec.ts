import { Client } from 'pg';
import { uuidv7 } from 'uuidv7';
import {
  AttachmentSchema,
  PersonSchema,
  RequestHistorySchema,
  RequestNoteSchema,
  RequestSchema,
  UserSchema,
  type Agency,
  type User,
} from '@liaison/data';
import { createAgency, createUser } from '@liaison/testing';
import { ABANDONED_CLAIM_SECONDS } from '@liaison/api/http/idempotency.interceptor';
import { bearer, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';
import { createMlaDraft } from './support/mla-draft';

/**
 * `Idempotency-Key`: the record keeps the status and the ids of what the call wrote, never its answer; a replay is
 * rebuilt from the database under the caller's access now; records expire after a day; and the record commits
 * with the change it answers for.
 */
describe('Idempotency-Key (e2e)', () => {
  let api: ApiHarness;
  let nepal: Agency;
  let thailand: Agency;
  let india: Agency;

  beforeAll(async () => {
    api = await startApi(UNTHROTTLED);
    const em = api.em();
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
  });

  afterAll(() => api.close());

  /** A fresh officer of Nepal (each test's triggers and records are scoped to its own user). */
  async function officer(): Promise<{ user: User; token: string }> {
    const user = await createUser(api.em(), nepal, { roles: ['OFFICER'] });
    return { user, token: await api.login(user.email) };
  }

  async function asOwner<T>(run: (owner: Client) => Promise<T>): Promise<T> {
    const owner = new Client({ connectionString: api.environment.ownerDatabaseUrl });
    await owner.connect();
    try {
      return await run(owner);
    } finally {
      await owner.end();
    }
  }

  const records = (userId: string) =>
    asOwner(async (owner) => {
      const { rows } = await owner.query<{ key: string; text: string }>(
        'select t.key, t::text as text from idempotency_record t where user_id = $1',
        [userId],
      );
      return rows;
    });

  const witness = (marker: string) => ({
    role: 'witness',
    gender: 'male',
    identity: { names: [`Witness ${marker}`], aliases: [`Alias ${marker}`], addresses: [`Street ${marker}`] },
  });

  describe('what the record keeps', () => {
    it('keeps no identity, and replays the person as the caller may see it now', async () => {
      const { user, token } = await officer();
      const draft = await createMlaDraft(api.em(), nepal, thailand, user);
      const marker = `M${uuidv7().replace(/-/g, '')}`;
      const key = `witness-${draft.id}`;
      const post = () =>
        api
          .http()
          .post(`/v1/requests/${draft.id}/persons`)
          .auth(token, bearer)
          .set('Idempotency-Key', key)
          .send(witness(marker));

      const first = await post().expect(201);
      expect(first.body.identity.names).toEqual([`Witness ${marker}`]);
      const stored = await records(user.id);
      expect(stored).toHaveLength(1);
      expect(stored[0].text).not.toContain(marker);
      const everything = await asOwner(async (owner) => {
        const { rows } = await owner.query<{ text: string }>('select t::text as text from idempotency_record t');
        return rows.map((row) => row.text).join('\n');
      });
      expect(everything).not.toContain(marker);

      const replay = await post().expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect(await api.em().count(PersonSchema, { request: draft.id })).toBe(1);

      // the same user, now an auditor: may see the request, may not identify the person
      await api.em().nativeUpdate(UserSchema, { id: user.id }, { roles: ['AUDITOR'] });
      const redacted = await post().expect(201);
      expect(redacted.headers['idempotent-replayed']).toBe('true');
      expect(redacted.body).toMatchObject({ id: first.body.id, role: 'witness', identityDisclosure: 'redacted' });
      expect(JSON.stringify(redacted.body)).not.toContain(marker);

      // moved to another agency: the request is no longer theirs to see
      await api.em().nativeUpdate(UserSchema, { id: user.id }, { roles: ['OFFICER'], agency: india.id });
      const gone = await post().expect(404);
      expect(JSON.stringify(gone.body)).not.toContain(marker);
      expect(await api.em().count(PersonSchema, { request: draft.id })).toBe(1);
    });

    it('replays a transition as the request is now, with the ETag', async () => {
      const { user, token } = await officer();
      const draft = await createMlaDraft(api.em(), nepal, thailand, user);
      const post = () =>
        api
          .http()
          .post(`/v1/requests/${draft.id}/transitions`)
          .auth(token, bearer)
          .set('Idempotency-Key', `submit-${draft.id}`)
          .send({ event: 'submit' });
      const first = await post().expect(200);
      const replay = await post().expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.headers['etag']).toBe(first.headers['etag']);
      expect(replay.body).toEqual(first.body);
      const [record] = await records(user.id);
      expect(record.text).not.toContain(draft.title);
    });
  });

  describe('expiry', () => {
    const backdate = (userId: string, key: string, hours: number) =>
      asOwner((owner) =>
        owner.query(
          `update idempotency_record set created_at = now() - make_interval(hours => $3) where user_id = $1 and key = $2`,
          [userId, key, hours],
        ),
      );

    it('does not replay a record older than 24 hours: the key runs afresh', async () => {
      const { user, token } = await officer();
      const draft = await createMlaDraft(api.em(), nepal, thailand, user);
      const key = `witness-${draft.id}`;
      const post = () =>
        api
          .http()
          .post(`/v1/requests/${draft.id}/persons`)
          .auth(token, bearer)
          .set('Idempotency-Key', key)
          .send(witness('expiry'));
      const first = await post().expect(201);
      await backdate(user.id, key, 25);
      const again = await post().expect(201);
      expect(again.headers['idempotent-replayed']).toBeUndefined();
      expect(again.body.id).not.toBe(first.body.id);
      expect(await api.em().count(PersonSchema, { request: draft.id })).toBe(2);
      const replay = await post().expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.id).toBe(again.body.id);
    });

    it('deletes expired records on a later write', async () => {
      const old = await officer();
      const draft = await createMlaDraft(api.em(), nepal, thailand, old.user);
      const send = (token: string, key: string) =>
        api
          .http()
          .post(`/v1/requests/${draft.id}/notes`)
          .auth(token, bearer)
          .set('Idempotency-Key', key)
          .send({ text: 'Bank contacted' })
          .expect(201);
      await send(old.token, 'yesterday');
      await send(old.token, 'today');
      await backdate(old.user.id, 'yesterday', 24 * 3);
      await backdate(old.user.id, 'today', 23);

      const other = await officer();
      await send(other.token, 'any-key');
      expect((await records(old.user.id)).map((record) => record.key)).toEqual(['today']);
    });
  });

  describe('the record commits with the change', () => {
    interface Route {
      name: string;
      status: number;
      /** The call, made by `token` on a draft of `user`. */
      call: (token: string, requestId: string, key: string) => ReturnType<ReturnType<ApiHarness['http']>['post']>;
      /** How many rows the call wrote. */
      written: (requestId: string, userId: string) => Promise<number>;
      /** The request must have been sent out first. */
      sentOut?: boolean;
    }
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x41), Buffer.from('\n%%EOF\n')]);
    const routes: Route[] = [
      {
        name: 'POST /requests',
        status: 201,
        call: (token, requestId, key) =>
          api
            .http()
            .post('/v1/requests')
            .auth(token, bearer)
            .set('Idempotency-Key', key)
            .send({
              kind: 'mla',
              requestedAgencyId: thailand.id,
              legalBasis: 'untoc',
              title: `Filed once ${requestId}`,
              content: {},
            }),
        written: (requestId) => api.em().count(RequestSchema, { title: `Filed once ${requestId}` }),
      },
      {
        name: 'POST /requests/:id/persons',
        status: 201,
        call: (token, requestId, key) =>
          api
            .http()
            .post(`/v1/requests/${requestId}/persons`)
            .auth(token, bearer)
            .set('Idempotency-Key', key)
            .send(witness('once')),
        written: (requestId) => api.em().count(PersonSchema, { request: requestId }),
      },
      {
        name: 'POST /requests/:id/transitions',
        status: 200,
        call: (token, requestId, key) =>
          api
            .http()
            .post(`/v1/requests/${requestId}/transitions`)
            .auth(token, bearer)
            .set('Idempotency-Key', key)
            .send({ event: 'submit' }),
        written: (requestId) => api.em().count(RequestHistorySchema, { request: requestId }),
      },
      {
        name: 'POST /requests/:id/notes',
        status: 201,
        sentOut: true,
        call: (token, requestId, key) =>
          api
            .http()
            .post(`/v1/requests/${requestId}/notes`)
            .auth(token, bearer)
            .set('Idempotency-Key', key)
            .send({ text: 'Bank contacted' }),
        written: (requestId) => api.em().count(RequestNoteSchema, { request: requestId }),
      },
      {
        name: 'POST /requests/:id/attachments',
        status: 201,
        sentOut: true,
        call: (token, requestId, key) =>
          api
            .http()
            .post(`/v1/requests/${requestId}/attachments`)
            .auth(token, bearer)
            .set('Idempotency-Key', key)
            .attach('file', pdf, { filename: 'records.pdf', contentType: 'application/pdf' }),
        written: (requestId) => api.em().count(AttachmentSchema, { request: requestId }),
      },
    ];

    async function draftOf(user: User, route: Route): Promise<string> {
      const draft = await createMlaDraft(api.em(), nepal, thailand, user);
      if (route.sentOut) await api.em().nativeUpdate(RequestSchema, { id: draft.id }, { state: 'transmitted' });
      return draft.id;
    }

    /**
     * What a process killed right after the change's commit leaves behind: from then on, nothing it would still
     * write to this user's idempotency records reaches the database. An answer may only be recorded by a
     * transaction that also wrote the change's audit entry; releasing a claim is lost as well.
     */
    async function dieAfterCommit(userId: string): Promise<() => Promise<void>> {
      const name = `die_after_commit_${userId.replace(/-/g, '')}`;
      await asOwner((owner) =>
        owner.query(`
          create function ${name}() returns trigger language plpgsql as $body$
          begin
            if not exists (select 1 from audit_event where xmin::text = (txid_current() % 4294967296)::text) then
              raise exception 'the api died after the commit';
            end if;
            return coalesce(new, old);
          end $body$;
          create trigger ${name}_answer before update on idempotency_record for each row
            when (new.user_id = '${userId}' and new.response_status is not null) execute function ${name}();
          create trigger ${name}_release before delete on idempotency_record for each row
            when (old.user_id = '${userId}') execute function ${name}();`),
      );
      return () => asOwner((owner) => owner.query(`drop function ${name}() cascade`).then(() => undefined));
    }

    /** A commit that fails after every statement of the change (and of its record) has run. */
    async function failAtCommit(table: string, userId: string): Promise<() => Promise<void>> {
      const name = `fail_at_commit_${userId.replace(/-/g, '')}`;
      await asOwner((owner) =>
        owner.query(`
          create function ${name}() returns trigger language plpgsql as $body$
          begin
            raise exception 'the commit failed';
          end $body$;
          create constraint trigger ${name} after insert on ${table} deferrable initially deferred
            for each row execute function ${name}();`),
      );
      return () => asOwner((owner) => owner.query(`drop function ${name}() cascade`).then(() => undefined));
    }

    const tables: Record<string, string> = {
      'POST /requests': 'request',
      'POST /requests/:id/persons': 'person',
      'POST /requests/:id/transitions': 'request_history',
      'POST /requests/:id/notes': 'request_note',
      'POST /requests/:id/attachments': 'attachment',
    };

    it.each(routes)('$name: a retry after the process died past the commit replays it', async (route) => {
      const { user, token } = await officer();
      const requestId = await draftOf(user, route);
      const key = `once-${requestId}`;
      const revive = await dieAfterCommit(user.id);
      try {
        await route.call(token, requestId, key);
      } finally {
        await revive();
      }
      expect(await route.written(requestId, user.id)).toBe(1);
      // a minute later: an unanswered claim would now be taken over
      await asOwner((owner) =>
        owner.query(`update idempotency_record set created_at = now() - make_interval(secs => $2) where user_id = $1`, [
          user.id,
          ABANDONED_CLAIM_SECONDS + 5,
        ]),
      );
      const retry = await route.call(token, requestId, key);
      expect({ status: retry.status, replayed: retry.headers['idempotent-replayed'] }).toEqual({
        status: route.status,
        replayed: 'true',
      });
      expect(await route.written(requestId, user.id)).toBe(1);
    });

    it.each(routes)('$name: a change rolled back at its commit leaves no record', async (route) => {
      const { user, token } = await officer();
      const requestId = await draftOf(user, route);
      const key = `rolled-back-${requestId}`;
      const restore = await failAtCommit(tables[route.name], user.id);
      try {
        expect((await route.call(token, requestId, key)).status).toBe(500);
      } finally {
        await restore();
      }
      expect(await route.written(requestId, user.id)).toBe(0);
      expect(await records(user.id)).toEqual([]);
      const afresh = await route.call(token, requestId, key).expect(route.status);
      expect(afresh.headers['idempotent-replayed']).toBeUndefined();
      expect(await route.written(requestId, user.id)).toBe(1);
    });
  });
});
