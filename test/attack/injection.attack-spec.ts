import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { COMPLETE_MLA_CONTENT } from '../e2e/support/mla-draft';
import { buildAttackWorld, type AttackWorld, type CallerKey } from './support/attack-world';
import { isProblem, listen, rawClient, type RawClient, type RawResponse } from './support/raw-http';

jest.setTimeout(60_000);

const SQL = [
  "'",
  "''",
  "'; drop table request; --",
  "' OR '1'='1",
  "') OR ('1'='1",
  '" OR "1"="1',
  "1' union select id, reference, title from request --",
  "'; select pg_sleep(5); --",
  '\\',
  "\\'; drop table app_user; --",
  '/*',
  '$1',
  '?',
  ':title',
];
const WILDCARDS = ['%%%', '___', '%_%', 'MLA%', '%\\%', '[a-z]%', '.*'];
const JSON_OPERATORS = ['{"$where":"1"}', '{"$gt":""}', '{"$ne":null}', '[$or]', '__proto__', 'constructor.prototype'];
const PAYLOADS = [...SQL, ...WILDCARDS, ...JSON_OPERATORS];

/**
 * SQL and JSON injection in filters, search text and bodies: 4xx or correct (often empty) results, never a 5xx,
 * nothing of another agency, and the database as it was.
 */
describe('SQL and JSON injection (attack)', () => {
  let api: ApiHarness;
  let client: RawClient;
  let world: AttackWorld;
  let oddRequestId: string;
  let tablesBefore: string[];
  const ODD_TITLE = `100% _real_ 'quoted' "double" \\ back; drop table request; --`;

  const attachments = mkdtempSync(join(tmpdir(), 'liaison-attack-'));

  beforeAll(async () => {
    api = await startApi({
      RATE_LIMIT_PER_MINUTE: '1000000',
      // each sign-in names a client address of its own, as a local proxy would (see nextClientAddress)
      TRUST_PROXY: 'loopback',
      ATTACHMENTS_DIR: attachments,
    });
    client = rawClient(await listen(api), 4);
    world = await buildAttackWorld(api);
    tablesBefore = await tableNames();
    const filed = await as('own:officer', 'POST', '/v1/requests', {
      kind: 'mla',
      requestedAgencyId: world.agencies.counterpart.id,
      legalBasis: 'untoc',
      title: ODD_TITLE,
      content: COMPLETE_MLA_CONTENT,
    });
    expect(filed.status).toBe(201);
    oddRequestId = filed.json<{ id: string }>().id;
  });

  afterAll(async () => {
    client.close();
    await api.close();
    rmSync(attachments, { recursive: true, force: true });
  });

  function as(who: CallerKey, method: string, path: string, body?: unknown): Promise<RawResponse> {
    return client.send({
      method,
      path,
      token: world.tokens[who],
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
  }

  async function tableNames(): Promise<string[]> {
    const rows = await api
      .em()
      .getConnection()
      .execute<{ tablename: string }[]>(
        `select tablename from pg_tables where schemaname = 'public' order by tablename`,
      );
    return rows.map((row) => row.tablename);
  }

  const search = (who: CallerKey, query: string) => as(who, 'GET', `/v1/requests?${query}`);
  const items = (response: RawResponse) =>
    response.json<{ items: { id: string; title: string; reference: string }[] }>().items;

  function expectSane(response: RawResponse, context: string) {
    expect({ context, status: response.status < 500, problem: response.status < 400 || isProblem(response) }).toEqual({
      context,
      status: true,
      problem: true,
    });
  }

  it('takes search text literally: only requests whose reference or title contain it, never a stranger a thing', async () => {
    for (const text of PAYLOADS) {
      const query = `q=${encodeURIComponent(text)}`;
      const own = await search('own:officer', query);
      expectSane(own, text);
      if (own.status === 200) {
        for (const item of items(own)) {
          const hit = `${item.reference} ${item.title}`.toLowerCase().includes(text.toLowerCase());
          expect({ text, title: item.title, hit }).toEqual({ text, title: item.title, hit: true });
        }
      } else {
        expect({ text, status: own.status }).toEqual({ text, status: 400 }); // shorter than 3 characters
      }
      const foreign = await search('foreign:officer', query);
      expectSane(foreign, text);
      if (foreign.status === 200) expect({ text, found: items(foreign) }).toEqual({ text, found: [] });
    }
  });

  it('finds the request whose title holds the quotes and wildcards, by those very characters and by nothing looser', async () => {
    const found = async (text: string) =>
      items(await search('own:officer', `q=${encodeURIComponent(text)}`)).some((item) => item.id === oddRequestId);
    for (const text of ['100%', "'quoted'", '"double"', '\\ back', '; drop table', '_real_']) {
      expect({ text, found: await found(text) }).toEqual({ text, found: true });
    }
    for (const text of ['10_%', '%real%', '1_0', "quoted''"]) {
      expect({ text, found: await found(text) }).toEqual({ text, found: false });
    }
    expect(items(await search('foreign:officer', `q=${encodeURIComponent('100%')}`))).toEqual([]);
  });

  it('refuses injection in every other search filter as 400 naming the parameter', async () => {
    for (const name of [
      'kind',
      'state',
      'direction',
      'counterpartCountry',
      'legalBasis',
      'taskForceId',
      'sort',
      'cursor',
      'limit',
    ]) {
      for (const text of SQL.slice(0, 8)) {
        const response = await search('own:officer', `${name}=${encodeURIComponent(text)}`);
        expect(response.status).toBe(400);
        expect(isProblem(response)).toBe(true);
        expect(response.json<{ errors: { field: string; in: string }[] }>().errors[0]).toMatchObject({
          field: name,
          in: 'query',
        });
      }
    }
  });

  it('answers query strings shaped as objects, arrays or prototype paths with 4xx or plain results, and pollutes nothing', async () => {
    for (const query of [
      'q[$ne]=x',
      'q[]=abc&q[]=def',
      'q=abc&q=def',
      'kind[]=mla&kind[]=extradition',
      'kind[$in]=mla',
      '__proto__[polluted]=yes',
      '__proto__.polluted=yes',
      'constructor[prototype][polluted]=yes',
      'state=in_execution,%27%3B%20drop',
      'taskForceId[$gt]=',
    ]) {
      const own = await search('own:officer', query);
      expectSane(own, query);
      const foreign = await search('foreign:officer', query);
      expectSane(foreign, query);
      if (foreign.status === 200) expect({ query, found: items(foreign) }).toEqual({ query, found: [] });
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it("shows a foreign auditor none of another agency's trail, however the filter is bent", async () => {
    const entries = (who: CallerKey, query: string) => as(who, 'GET', `/v1/audit/entries?${query}`);
    const ownStream = `request:${world.requestId}`;
    for (const query of [
      `requestId=${world.requestId}`,
      `stream=${encodeURIComponent(ownStream)}`,
      `agencyId=${world.agencies.own.id}`,
      `actorUserId=${world.users['own:officer'].id}`,
      `stream=${encodeURIComponent('request:%')}`,
      `stream=${encodeURIComponent("' or '1'='1")}`,
      `stream=${encodeURIComponent(`${ownStream}' or stream like '%`)}`,
      `action=${encodeURIComponent('%')}`,
      `action=${encodeURIComponent("request.created' or '1'='1")}`,
      `from=${encodeURIComponent("2020-01-01' or '1'='1")}`,
    ]) {
      const foreign = await entries('foreign:auditor', query);
      expectSane(foreign, query);
      if (foreign.status === 200) {
        const leaked = foreign
          .json<{ items: { stream: string }[] }>()
          .items.filter((item) => item.stream !== `agency:${world.agencies.foreign.id}`);
        expect({ query, leaked }).toEqual({ query, leaked: [] });
      }
    }
    // the same filter that finds nothing for the stranger finds the stream for an auditor who may read it
    const own = await entries('own:auditor', `requestId=${world.requestId}`);
    expect(own.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
  });

  it('stores injection text in bodies as plain text and reads it back unchanged', async () => {
    const text = '\'); drop table request_note; -- %_ {"$where":"1"} \\';
    const note = await as('own:officer', 'POST', `/v1/requests/${world.requestId}/notes`, { text });
    expect(note.status).toBe(201);
    const notes = await as('counterpart:officer', 'GET', `/v1/requests/${world.requestId}/notes`);
    expect(notes.json<{ items: { text: string }[] }>().items.map((item) => item.text)).toContain(text);
    const refused = await as('own:officer', 'POST', `/v1/requests/${world.requestId}/transitions`, {
      event: "submit'; drop table request; --",
      payload: { $where: 'sleep(1000)', grounds: { $ne: null } },
    });
    expectSane(refused, 'transition');
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses prototype-polluting keys in bodies as 400 naming them, and grants nobody anything', async () => {
    const bodies: [string, string, string][] = [
      ['POST', `/v1/requests/${world.requestId}/notes`, '{"text":"x","__proto__":{"platformAdmin":true}}'],
      [
        'POST',
        `/v1/requests/${world.requestId}/notes`,
        '{"text":"x","constructor":{"prototype":{"platformAdmin":true}}}',
      ],
      [
        'POST',
        `/v1/requests/${world.requestId}/transitions`,
        '{"event":"submit","payload":{"__proto__":{"polluted":"yes"}}}',
      ],
      ['POST', '/v1/requests', '{"kind":"mla","__proto__":{"roles":["ADMIN"]}}'],
      [
        'PATCH',
        `/v1/agencies/${world.agencies.own.id}/users/${world.spareUserId}`,
        '{"prototype":{"platformAdmin":true}}',
      ],
      ['POST', '/v1/task-forces', '{"name":"x","__proto__":{"isAdmin":true}}'],
    ];
    for (const [method, path, body] of bodies) {
      const response = await client.send({
        method,
        path,
        token: world.tokens['own:officer'],
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect({ path, status: response.status, problem: isProblem(response) }).toEqual({
        path,
        status: 400,
        problem: true,
      });
      expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toMatch(
        /(__proto__|constructor|prototype)$/,
      );
    }
    const login = await client.send({
      method: 'POST',
      path: '/v1/auth/login',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.250.0.1' },
      body: '{"email":"a@b.example","password":"x","__proto__":{"active":true}}',
    });
    expect(login.status).toBe(400);
    const me = await as('own:officer', 'GET', '/v1/me');
    expect(me.json()).toMatchObject({ roles: ['OFFICER'], platformAdmin: false });
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('platformAdmin');
  });

  it('leaves the database intact: the same tables, the rows in place, the trail verifying', async () => {
    expect(await tableNames()).toEqual(tablesBefore);
    expect(tablesBefore).toEqual(
      expect.arrayContaining(['request', 'app_user', 'agency', 'request_note', 'audit_event']),
    );
    for (const [table, minimum] of [
      ['request', 3],
      ['app_user', 20],
      ['agency', 4],
      ['request_note', 1],
      ['audit_event', 10],
    ] as const) {
      const [row] = await api.em().getConnection().execute<{ count: string }[]>(`select count(*) from ${table}`);
      expect({ table, enough: Number(row?.count) >= minimum }).toEqual({ table, enough: true });
    }
    const verified = await as('own:platformAdmin', 'POST', '/v1/audit/verify', {});
    expect(verified.json()).toMatchObject({ ok: true, firstBrokenLink: null });
  });
});
