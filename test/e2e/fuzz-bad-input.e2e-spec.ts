import { RequestHistorySchema, RequestSchema, type Agency } from '@liaison/data';
import { createAgency, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { createMlaDraft } from './support/mla-draft';

/** A small deterministic generator (mulberry32): the same 500 bodies on every run, so a failure reproduces. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const scalar = (): unknown =>
    pick([
      () => null,
      () => true,
      () => Math.floor(next() * 1e9) - 5e8,
      () => next() * 1e308,
      () => '',
      () => 'x'.repeat(Math.floor(next() * 5000)),
      () => '\u0000\uffff💥<script>',
      () => '2026-02-30',
      () => '00000000-0000-0000-0000-000000000000',
      () => 'submit',
    ])();
  const value = (depth: number): unknown => {
    if (depth > 2 || next() < 0.5) return scalar();
    if (next() < 0.5) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [pick(KEYS), value(depth + 1)]));
  };
  return { next, pick, value };
}

const KEYS = [
  'event',
  'payload',
  'kind',
  'requestedAgencyId',
  'legalBasis',
  'urgency',
  'language',
  'handlingCode',
  'title',
  'content',
  'grounds',
  '__proto__',
  'constructor',
  'unexpected',
] as const;

/** Bodies that are wrong in some way: wrong types, unknown fields, broken JSON, wrong shapes. */
function badBodies(seed: number, count: number, fields: readonly string[]): string[] {
  const random = generator(seed);
  return Array.from({ length: count }, (_, index) => {
    switch (index % 5) {
      case 0: // broken JSON
        return JSON.stringify(random.value(0)).slice(0, -1) + random.pick(['{', ',', '"', ']']);
      case 1: // not an object
        return JSON.stringify(random.pick([[], 'text', 42, null, [{}]]));
      case 2: // the expected fields with values of random types
        return JSON.stringify(Object.fromEntries(fields.map((field) => [field, random.value(1)])));
      case 3: // an unknown field beside plausible ones
        return JSON.stringify({
          ...Object.fromEntries(fields.map((field) => [field, random.value(1)])),
          [`x${index}`]: 1,
        });
      default: // anything at all
        return JSON.stringify(random.value(0)) ?? '{}';
    }
  });
}

describe('fuzzing the write routes with bad input (e2e)', () => {
  let api: ApiHarness;
  let india: Agency;
  let token: string;
  let draftId: string;

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000' });
    india = await createAgency(api.em(), { country: 'IN' });
    const nepal = await createAgency(api.em(), { country: 'NP' });
    const officer = await createUser(api.em(), india, { roles: ['OFFICER', 'SUPERVISOR'] });
    token = await api.login(officer.email);
    draftId = (await createMlaDraft(api.em(), india, nepal, officer)).id;
  });

  afterAll(() => api.close());

  async function expectOnly4xx(path: string, bodies: string[]): Promise<Map<number, number>> {
    const statuses = new Map<number, number>();
    for (const body of bodies) {
      const response = await api
        .http()
        .post(path)
        .auth(token, { type: 'bearer' })
        .set('Content-Type', 'application/json')
        .send(body);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect({ body, status: response.status >= 400 && response.status < 500 }).toEqual({ body, status: true });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    return statuses;
  }

  it('answers 500 generated bad bodies to the transitions route with 4xx problems and changes nothing', async () => {
    const statuses = await expectOnly4xx(
      `/v1/requests/${draftId}/transitions`,
      badBodies(2026, 500, ['event', 'payload']),
    );
    expect([...statuses.keys()].every((status) => [400, 413, 422].includes(status))).toBe(true);
    const em = api.em();
    expect(await em.count(RequestHistorySchema, { request: draftId })).toBe(0);
    expect((await em.findOneOrFail(RequestSchema, draftId)).version).toBe(1);
  });

  it('answers 500 generated bad bodies to the create route with 4xx problems and creates nothing', async () => {
    const before = await api.em().count(RequestSchema, {});
    await expectOnly4xx(
      '/v1/requests',
      badBodies(1957, 500, [
        'kind',
        'requestedAgencyId',
        'legalBasis',
        'urgency',
        'language',
        'handlingCode',
        'title',
        'content',
      ]),
    );
    expect(await api.em().count(RequestSchema, {})).toBe(before);
  });
});
