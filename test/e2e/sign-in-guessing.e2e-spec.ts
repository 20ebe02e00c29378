import { createAgency, createUser, TEST_PASSWORD } from '@liaison/testing';
import { freePort } from '../fault/support/free-port';
import { startApi, type ApiHarness } from './support/api-harness';

const MAX_FAILURES = 5;
const PARALLEL = 50;

/**
 * Guessing in parallel: the lockout counter is taken before any password is checked, so a burst of wrong passwords
 * costs at most LOGIN_MAX_FAILURES argon2 verifications, counted by the api's own Prometheus counter, read from its
 * metrics port as a scraper would.
 */
describe('sign-in guessing in parallel (e2e)', () => {
  let api: ApiHarness;
  let metricsPort: number;
  let next = 0;

  beforeAll(async () => {
    metricsPort = await freePort();
    api = await startApi({
      METRICS_PORT: String(metricsPort),
      LOGIN_MAX_FAILURES: String(MAX_FAILURES),
      LOGIN_SLOWDOWN_STEP_MS: '10',
      // the guesses come from many addresses through a local proxy, so the per-address limit stays out of the way
      TRUST_PROXY: 'loopback',
    });
  });

  afterAll(() => api.close());

  const clientAddress = () => `198.51.100.${(next += 1) % 250}`;
  const login = (email: string, password: string) =>
    api.http().post('/v1/auth/login').set('X-Forwarded-For', clientAddress()).send({ email, password });

  async function verifications(): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const line = text.split('\n').find((row) => row.startsWith('liaison_password_verifications_total '));
    return Number(line?.split(' ')[1] ?? Number.NaN);
  }

  async function guessInParallel(email: string) {
    const before = await verifications();
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) => login(email, `wrong guess ${index}`)),
    );
    const statuses = responses.map((response) => response.status);
    return { checked: (await verifications()) - before, statuses };
  }

  const count = (statuses: number[], status: number) => statuses.filter((one) => one === status).length;

  it(`checks at most ${MAX_FAILURES} of ${PARALLEL} parallel wrong passwords, answers the rest 429, then locks`, async () => {
    const agency = await createAgency(api.em());
    const user = await createUser(api.em(), agency, { roles: ['OFFICER'] });
    const { checked, statuses } = await guessInParallel(user.email);
    expect({ checked, unauthorized: count(statuses, 401), limited: count(statuses, 429) }).toEqual({
      checked: MAX_FAILURES,
      unauthorized: MAX_FAILURES,
      limited: PARALLEL - MAX_FAILURES,
    });
    const locked = await login(user.email, TEST_PASSWORD).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('holds an unknown login name to the same count of decoy verifications', async () => {
    const { checked, statuses } = await guessInParallel(`nobody.${Date.now()}@nowhere.example`);
    expect({ checked, unauthorized: count(statuses, 401), limited: count(statuses, 429) }).toEqual({
      checked: MAX_FAILURES,
      unauthorized: MAX_FAILURES,
      limited: PARALLEL - MAX_FAILURES,
    });
  });
});
