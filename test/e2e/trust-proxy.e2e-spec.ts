import { AuditEventSchema } from '@liaison/data';
import { createAgency, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';

/** Sign-in allows 30 attempts a minute per client address (the general limit is higher). */
const SIGN_IN_PER_MINUTE = 30;

/**
 * TRUST_PROXY decides whose `X-Forwarded-For` is believed. Unset, the header changes nothing: neither the rate
 * limit's count nor the address in the trail. Set to the proxy's address (the tests connect from 127.0.0.1), the
 * address the proxy forwarded is the client's.
 */
describe('TRUST_PROXY and the client address (e2e)', () => {
  let api: ApiHarness;
  let email: string;

  beforeAll(async () => {
    api = await startApi();
    const agency = await createAgency(api.em());
    email = (await createUser(api.em(), agency, { roles: ['OFFICER'] })).email;
  });

  afterAll(() => api.close());

  /** A body without a password: refused with 400 after the rate limit, at no argon2 cost. */
  const attempt = (forwardedFor: string) =>
    api.http().post('/v1/auth/login').set('X-Forwarded-For', forwardedFor).send({ email });

  const wrongPassword = (forwardedFor: string, requestId: string) =>
    api
      .http()
      .post('/v1/auth/login')
      .set('X-Forwarded-For', forwardedFor)
      .set('X-Request-Id', requestId)
      .send({ email, password: 'not the password' })
      .expect(401);

  async function addressInTrail(requestId: string): Promise<unknown> {
    const entry = await api.em().findOneOrFail(AuditEventSchema, { clientRequestId: requestId });
    return entry.data['clientAddress'];
  }

  async function statuses(forwardedFor: (index: number) => string): Promise<number[]> {
    const answers: number[] = [];
    for (let index = 0; index <= SIGN_IN_PER_MINUTE; index += 1)
      answers.push((await attempt(forwardedFor(index))).status);
    return answers;
  }

  it('unset: the trail records the connection’s address, not the forwarded one', async () => {
    await wrongPassword('203.0.113.77', 'trust-proxy-unset');
    expect(await addressInTrail('trust-proxy-unset')).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('unset: a forwarded address does not escape the rate limit', async () => {
    // the wrong password above was the first attempt from the connection's address
    expect(await statuses((index) => `203.0.113.${index + 1}`)).toEqual([
      ...Array<number>(SIGN_IN_PER_MINUTE - 1).fill(400),
      429,
      429,
    ]);
  });

  it('set to the proxy’s address: each forwarded client has its own count, and the trail its address', async () => {
    await api.restart({ TRUST_PROXY: '127.0.0.1' });
    expect(await statuses((index) => `198.51.100.${index + 1}`)).toEqual(
      Array<number>(SIGN_IN_PER_MINUTE + 1).fill(400),
    );
    expect(await statuses(() => '198.51.100.250')).toEqual([...Array<number>(SIGN_IN_PER_MINUTE).fill(400), 429]);
    await wrongPassword('203.0.113.78', 'trust-proxy-set');
    expect(await addressInTrail('trust-proxy-set')).toBe('203.0.113.78');
  });

  it('set to another proxy’s address: the header of a sender that is not that proxy is ignored', async () => {
    await api.restart({ TRUST_PROXY: '10.9.8.7' });
    const answers = await statuses((index) => `192.0.2.${index + 1}`);
    // all counted as the connection's address: however many forwarded addresses, the last is held back
    expect(answers[SIGN_IN_PER_MINUTE]).toBe(429);
  });
});
