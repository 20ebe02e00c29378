import { OutboxMessageSchema, RequestSchema, type Agency, type User } from '@liaison/data';
import type { HandlingCode } from '@liaison/domain';
import { createAgency, createRequest, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';

/**
 * Forwarding a received request to the competent agency (EIO Art. 7(6)): only to a government agency of the requested
 * state, never where the handling code forbids onward sharing, and the requesting side is told where it went.
 */
describe('forwarding a request (e2e)', () => {
  let api: ApiHarness;
  let india: Agency;
  let nepalPolice: Agency;
  let nepalProsecution: Agency;
  let nepalNgo: Agency;
  let thaiPolice: Agency;
  let indiaImmigration: Agency;
  let filer: User;
  let supervisor: string;

  beforeAll(async () => {
    api = await startApi();
    const em = api.em();
    india = await createAgency(em, { name: 'Central Bureau of Investigation', country: 'IN' });
    nepalPolice = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    nepalProsecution = await createAgency(em, {
      name: 'Office of the Attorney General',
      country: 'NP',
      type: 'PROSECUTION',
    });
    nepalNgo = await createAgency(em, { name: 'Shelter Nepal', country: 'NP', type: 'NGO' });
    thaiPolice = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    indiaImmigration = await createAgency(em, { name: 'Bureau of Immigration', country: 'IN', type: 'IMMIGRATION' });
    filer = await createUser(em, india, { roles: ['OFFICER'] });
    supervisor = await api.login((await createUser(em, nepalPolice, { roles: ['SUPERVISOR'] })).email);
  });

  afterAll(() => api.close());

  async function received(handlingCode: HandlingCode = 'H0'): Promise<string> {
    const request = await createRequest(api.em(), {
      requesting: india,
      requested: nepalPolice,
      createdBy: filer,
      state: 'received',
      handlingCode,
      ...(handlingCode === 'H3' ? { handlingRestriction: 'Not for the press' } : {}),
    });
    return request.id;
  }

  const forward = (requestId: string, competentAgencyId: string) =>
    api
      .http()
      .post(`/v1/requests/${requestId}/transitions`)
      .auth(supervisor, { type: 'bearer' })
      .send({ event: 'forward', payload: { competentAgencyId, reason: 'Competent for freezing orders' } });

  it.each([
    ['an NGO of the requested state', () => nepalNgo],
    ['an agency of a third country', () => thaiPolice],
    ["an agency of the requesting side's country", () => indiaImmigration],
    ['the requesting agency itself', () => india],
  ])('refuses to forward to %s, and the request stays where it was', async (_, target) => {
    const id = await received();
    const refused = await forward(id, target().id).expect(422);
    expect(refused.body).toMatchObject({ reason: 'INVALID_PAYLOAD' });
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'competentAgencyId' })]);
    const request = await api.em().fork().findOneOrFail(RequestSchema, id);
    expect(request.requestedAgency.id).toBe(nepalPolice.id);
  });

  it.each(['H2', 'H3'] as const)(
    'refuses to forward a %s request: onward sharing needs the provider’s permission',
    async (code) => {
      const id = await received(code);
      const refused = await forward(id, nepalProsecution.id).expect(422);
      expect(refused.body.fields).toEqual([
        expect.objectContaining({ field: 'competentAgencyId', message: expect.stringContaining(code) }),
      ]);
    },
  );

  it('forwards to a government agency of the requested state and tells the requesting side where it went', async () => {
    const id = await received('H1');
    const accepted = await forward(id, nepalProsecution.id).expect(200);
    expect(accepted.body.requestedAgency.id).toBe(nepalProsecution.id);
    const notices = await api.em().fork().find(OutboxMessageSchema, { requestId: id, topic: 'notify' });
    const toRequesting = notices.filter(
      (notice) => (notice.payload['effect'] as { recipient: { side?: string } }).recipient.side === 'requesting',
    );
    expect(toRequesting.length).toBeGreaterThan(0);
    for (const notice of toRequesting) {
      expect(notice.payload).toMatchObject({ event: 'forward', requestedAgencyId: nepalProsecution.id });
    }
  });
});
