import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttachmentSchema, RequestNoteSchema, RequestSchema } from '@liaison/data';
import { LIAISON_CONFIG, type LiaisonConfig } from '@liaison/platform';
import { createUser, TEST_PASSWORD } from '@liaison/testing';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { buildAttackWorld, nextClientAddress, type AttackWorld } from './support/attack-world';
import { multipart } from './support/multipart';
import { isProblem, listen, rawClient, type RawClient, type RawResponse } from './support/raw-http';

const MAX_UPLOAD = 64 * 1024;

/** Sign-in throttling (per login name and per client address) and oversized bodies and uploads. */
describe('rate limits and size limits (attack)', () => {
  let api: ApiHarness;
  let client: RawClient;
  let world: AttackWorld;
  let config: LiaisonConfig;
  let store: string;

  beforeAll(async () => {
    store = mkdtempSync(join(tmpdir(), 'liaison-limits-'));
    api = await startApi({
      ATTACHMENTS_DIR: store,
      ATTACHMENT_MAX_BYTES: String(MAX_UPLOAD),
      // the general limit out of the way; sign-in keeps its own 30 a minute per address
      RATE_LIMIT_PER_MINUTE: '1000000',
      // each sign-in names a client address of its own, as a local proxy would (see nextClientAddress)
      TRUST_PROXY: 'loopback',
      // the slow-down is a delay, not a limit: kept short so the lockout is reached quickly
      LOGIN_SLOWDOWN_STEP_MS: '10',
    });
    config = api.app.get<LiaisonConfig>(LIAISON_CONFIG);
    client = rawClient(await listen(api), 4);
    world = await buildAttackWorld(api);
  });

  afterAll(async () => {
    client.close();
    await api.close();
    rmSync(store, { recursive: true, force: true });
  });

  const login = (body: object, address = nextClientAddress()) =>
    client.send({
      method: 'POST',
      path: '/v1/auth/login',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify(body),
    });

  function expectTooMany(response: RawResponse) {
    expect({ status: response.status, problem: isProblem(response) }).toEqual({ status: 429, problem: true });
    const retryAfter = Number(response.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
    return retryAfter;
  }

  it('locks a login name after the configured failures, from any address, even for the right password', async () => {
    const user = await createUser(api.em(), world.agencies.own, { roles: ['OFFICER'] });
    for (let attempt = 1; attempt <= config.login.maxFailures; attempt += 1) {
      const failed = await login({ email: user.email, password: 'wrong password' });
      expect({ attempt, status: failed.status, problem: isProblem(failed) }).toEqual({
        attempt,
        status: 401,
        problem: true,
      });
    }
    const retryAfter = expectTooMany(await login({ email: user.email, password: TEST_PASSWORD }));
    expect(retryAfter).toBeLessThanOrEqual(config.login.lockoutSeconds);
    expectTooMany(await login({ email: user.email.toUpperCase(), password: TEST_PASSWORD }));
    await login({ email: world.users['own:auditor'].email, password: TEST_PASSWORD }).then((response) =>
      expect(response.status).toBe(200),
    );
  });

  it('locks an unknown login name the same way, so the answers tell nothing about who has an account', async () => {
    const email = `nobody.${Date.now()}@nowhere.example`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= config.login.maxFailures; attempt += 1) {
      statuses.push((await login({ email, password: 'whatever it is' })).status);
    }
    expect(statuses).toEqual([...Array<number>(config.login.maxFailures).fill(401), 429]);
    expectTooMany(await login({ email, password: 'whatever it is' }));
  });

  it('limits sign-in attempts per client address to 30 a minute, whatever the body, with Retry-After', async () => {
    const address = nextClientAddress();
    for (let attempt = 1; attempt <= 30; attempt += 1) {
      const response = await login({ email: 'not an address' }, address);
      expect({ attempt, status: response.status }).toEqual({ attempt, status: 400 });
    }
    expectTooMany(await login({ email: 'not an address' }, address));
    expectTooMany(await login({ email: world.users['own:officer'].email, password: TEST_PASSWORD }, address));
    expect((await login({ email: 'not an address' })).status).toBe(400); // another address is not held back
  });

  it('answers JSON bodies over the limit with 413 problem+json on every kind of route, and writes nothing', async () => {
    const before = await counts();
    const huge = JSON.stringify({ title: 'x'.repeat(1_100_000), text: 'y' });
    for (const [path, token] of [
      ['/v1/requests', world.tokens['own:officer']],
      [`/v1/requests/${world.requestId}/notes`, world.tokens['own:officer']],
      [`/v1/requests/${world.requestId}/transitions`, world.tokens['own:supervisor']],
      ['/v1/auth/login', undefined],
    ] as const) {
      const response = await client.send({
        method: 'POST',
        path,
        token,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClientAddress() },
        body: huge,
      });
      expect({ path, status: response.status, problem: isProblem(response) }).toEqual({
        path,
        status: 413,
        problem: true,
      });
      const chunked = await client.send({
        method: 'POST',
        path,
        token,
        chunked: true,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClientAddress() },
        body: huge,
      });
      expect({ path, chunked: chunked.status, problem: isProblem(chunked) }).toEqual({
        path,
        chunked: 413,
        problem: true,
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('answers uploads over ATTACHMENT_MAX_BYTES with 413 problem+json and keeps nothing of them', async () => {
    const path = `/v1/requests/${world.requestId}/attachments`;
    const token = world.tokens['own:officer'];
    const before = await counts();
    const filesBefore = readdirSync(store, { recursive: true }).sort();
    for (const size of [MAX_UPLOAD + 1, 5 * 1024 * 1024]) {
      const form = multipart([{ fileName: 'big.txt', contentType: 'text/plain', content: Buffer.alloc(size, 'a') }]);
      const response = await client.send({
        method: 'POST',
        path,
        token,
        headers: { 'content-type': form.contentType },
        body: form.body,
      });
      expect({ size, status: response.status, problem: isProblem(response) }).toEqual({
        size,
        status: 413,
        problem: true,
      });
      const chunked = await client.send({
        method: 'POST',
        path,
        token,
        chunked: true,
        headers: { 'content-type': form.contentType },
        body: form.body,
      });
      expect({ size, chunked: chunked.status, problem: isProblem(chunked) }).toEqual({
        size,
        chunked: 413,
        problem: true,
      });
    }
    expect(await counts()).toEqual(before);
    expect(readdirSync(store, { recursive: true }).sort()).toEqual(filesBefore);

    const form = multipart([
      { fileName: 'fits.txt', contentType: 'text/plain', content: Buffer.alloc(MAX_UPLOAD, 'a') },
    ]);
    const fits = await client.send({
      method: 'POST',
      path,
      token,
      headers: { 'content-type': form.contentType },
      body: form.body,
    });
    expect(fits.status).toBe(201);
    expect(fits.json()).toMatchObject({ size: MAX_UPLOAD });
  });

  async function counts() {
    const em = api.em();
    return {
      requests: await em.count(RequestSchema, {}),
      notes: await em.count(RequestNoteSchema, {}),
      attachments: await em.count(AttachmentSchema, {}),
    };
  }
});
