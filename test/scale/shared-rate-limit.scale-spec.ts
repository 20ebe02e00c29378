import { createAgency, createUser, prepareTestEnvironment } from '@liaison/testing';
import { spawnApi, type ApiProcess } from '../fault/support/api-process';
import { withOrm } from '../fault/support/bulk-fixture';
import { call, login } from '../fault/support/http-client';

const LIMIT = 20;

/**
 * The general rate limit is counted in Redis: a client's burst split over two api processes (replicas behind a load
 * balancer) reaches the limit as it would on one. Counted per process, each would let LIMIT through.
 */
describe('two apis share the general rate limit (scale)', () => {
  let apis: ApiProcess[] = [];
  let token: string;

  beforeAll(async () => {
    const environment = await prepareTestEnvironment();
    const email = await withOrm(environment.ownerDatabaseUrl, async (em) => {
      const agency = await createAgency(em, { country: 'IN' });
      return (await createUser(em, agency, { roles: ['OFFICER'] })).email;
    });
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: environment.databaseUrl,
      REDIS_URL: environment.redisUrl,
      QUEUE_PREFIX: environment.queuePrefix,
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
    };
    apis = await Promise.all([spawnApi(env), spawnApi(env)]);
    token = await login(apis[0].url, email);
  }, 120_000);

  afterAll(() => Promise.all(apis.map((api) => api.stop())));

  it(`holds a client to ${LIMIT} requests a minute over both apis together`, async () => {
    const statuses: number[] = [];
    for (let index = 0; index < LIMIT + 2; index += 1) {
      statuses.push((await call(apis[index % 2].url, 'GET', '/v1/me', { token })).status);
    }
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429, 429]);
    const [first, second] = await Promise.all(apis.map((api) => call(api.url, 'GET', '/v1/me', { token })));
    expect([first.status, second.status]).toEqual([429, 429]);
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
