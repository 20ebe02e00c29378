import { AuditEventSchema, type Agency } from '@liaison/data';
import { createAgency, createUser } from '@liaison/testing';
import { bearer, startApi, UNTHROTTLED, type ApiHarness } from './support/api-harness';

/** References are unique per kind and year and without gaps, however many drafts are filed at once. */
describe('request references under concurrency (e2e)', () => {
  let api: ApiHarness;
  let requested: Agency;
  let token: string;

  beforeAll(async () => {
    api = await startApi(UNTHROTTLED);
    const nepal = await createAgency(api.em(), { country: 'NP' });
    requested = await createAgency(api.em(), { country: 'TH' });
    token = await api.login((await createUser(api.em(), nepal, { roles: ['OFFICER'] })).email);
  });

  afterAll(() => api.close());

  it('gives 200 concurrent drafts 200 distinct consecutive references, 1 to 200', async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        api
          .http()
          .post('/v1/requests')
          .auth(token, bearer)
          .send({
            kind: 'mla',
            requestedAgencyId: requested.id,
            legalBasis: 'untoc',
            title: `Concurrent draft ${index}`,
          }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(201));
    const year = new Date().getUTCFullYear();
    const sequences = responses
      .map((response) => response.body.reference as string)
      .map((reference) => {
        expect(reference).toMatch(new RegExp(`^MLA-${year}-\\d{6}$`));
        return Number(reference.slice(-6));
      })
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    expect(await api.em().count(AuditEventSchema, { action: 'request.created' })).toBe(200);

    const extradition = await api
      .http()
      .post('/v1/requests')
      .auth(token, bearer)
      .send({ kind: 'extradition', requestedAgencyId: requested.id, legalBasis: 'untoc', title: 'Another kind' })
      .expect(201);
    expect(extradition.body.reference).toBe(`EXT-${year}-000001`);
  });
});
