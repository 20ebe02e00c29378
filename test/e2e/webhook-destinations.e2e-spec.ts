import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookDeliverySchema, WebhookEndpointSchema } from '@liaison/data';
import { WebhookResolver } from '@liaison/notifications';
import { eventually } from '@liaison/testing';
import { PROBLEM, startApi, type ApiHarness } from './support/api-harness';
import { createCast, createMlaUnderReview, transition, type Cast } from './support/notification-cast';
import { startNotificationsWorker, type WorkerHarness } from './support/notifications-worker';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/** The one local address this suite lets webhooks reach: every other loopback or private address is refused. */
const ALLOWED = '127.0.0.2';
const PUBLIC = '93.184.215.14';

type Answers = Record<string, string[]>;

/** A DNS of the test's own: each name answers the next address of its list, the last one from then on. */
function fakeDns(resolver: WebhookResolver, answers: Answers): jest.SpyInstance {
  const real = resolver.resolve.bind(resolver);
  const asked: Record<string, number> = {};
  return jest.spyOn(resolver, 'resolve').mockImplementation(async (hostname: string) => {
    const list = answers[hostname];
    if (!list) return real(hostname);
    const index = Math.min(asked[hostname] ?? 0, list.length - 1);
    asked[hostname] = index + 1;
    return [{ address: list[index], family: list[index].includes(':') ? 6 : 4 }];
  });
}

function portOf(receiver: WebhookReceiver): string {
  return new URL(receiver.url).port;
}

async function listen(server: Server, host: string): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * Webhooks are no way into the platform's own network: loopback, private, link-local, unique-local, CGNAT,
 * multicast and metadata addresses are refused when an endpoint is registered and again at each delivery, which
 * connects to the address it checked (a name that starts resolving elsewhere gains nothing), follows no redirect
 * and logs no connection error an agency admin could scan ports with.
 */
describe('webhook destinations (e2e): no requests to internal addresses', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let cast: Cast;
  let allowed: WebhookReceiver;
  let loopback: WebhookReceiver;
  let redirectTarget: WebhookReceiver;
  let redirecting: Server;
  let redirectingPort: number;
  let closedPort: number;
  let apiDns: jest.SpyInstance;
  let workerDns: jest.SpyInstance;

  beforeAll(async () => {
    allowed = await startWebhookReceiver(ALLOWED);
    loopback = await startWebhookReceiver();
    redirectTarget = await startWebhookReceiver(ALLOWED);
    redirecting = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(307, { location: redirectTarget.url }).end());
    });
    redirectingPort = await listen(redirecting, ALLOWED);
    const closed = createServer();
    closedPort = await listen(closed, ALLOWED);
    await new Promise((resolve) => closed.close(resolve));

    api = await startApi({
      WEBHOOK_ALLOWED_NETWORKS: `${ALLOWED}/32`,
      WEBHOOK_ATTEMPTS: '1',
      OUTBOX_POLL_MS: '500',
    });
    worker = await startNotificationsWorker();
    cast = await createCast(api);
    apiDns = fakeDns(api.app.get(WebhookResolver), {
      'loopback.partner.example': ['127.0.0.1'],
      'metadata.partner.example': [PUBLIC, '169.254.169.254'],
      'rebinding.partner.example': [PUBLIC],
      'pinned.partner.example': [ALLOWED],
      'flipping.partner.example': [ALLOWED],
    });
    workerDns = fakeDns(worker.module.get(WebhookResolver), {
      'rebinding.partner.example': ['127.0.0.1'],
      'pinned.partner.example': [ALLOWED],
      'flipping.partner.example': [ALLOWED, '127.0.0.1'],
    });
  });

  afterAll(async () => {
    apiDns?.mockRestore();
    workerDns?.mockRestore();
    await worker?.close();
    await api?.close();
    redirecting?.closeAllConnections();
    await new Promise((resolve) => redirecting?.close(resolve));
    await Promise.all([allowed, loopback, redirectTarget].map((receiver) => receiver?.close()));
  });

  function register(url: string) {
    return api
      .http()
      .post('/v1/webhooks')
      .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
      .send({ url, events: ['request.*'] });
  }

  describe('registration', () => {
    it.each([
      'http://127.0.0.1/hook',
      'http://127.0.0.1:6379/',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::ffff:7f00:1]/hook',
      'http://[::ffff:10.0.0.1]/hook',
      'http://localhost:8080/hook',
      'http://loopback.partner.example/hook',
      'http://0.0.0.0/hook',
      'http://100.64.0.1/hook',
      'http://192.168.1.1/hook',
      'http://172.16.0.1/hook',
      'http://[fc00::1]/hook',
      'http://[fd00:ec2::254]/hook',
      'http://[fe80::1]/hook',
      'http://224.0.0.1/hook',
      'http://[ff02::1]/hook',
      'http://2130706433/hook',
      'http://0x7f.1/hook',
      'http://0177.0.0.1/hook',
      'http://127.1/hook',
    ])('refuses %s, naming the url', async (url) => {
      const refused = await register(url).expect(400);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
    });

    it('refuses a name when any of its addresses is internal, and an update to an internal address', async () => {
      apiDns.mockImplementationOnce(async () => [
        { address: PUBLIC, family: 4 },
        { address: '10.1.2.3', family: 4 },
      ]);
      const mixed = await register('https://mixed.partner.example/hook').expect(400);
      expect(mixed.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);

      const created = await register(`https://${PUBLIC}/hook`).expect(201);
      const patched = await api
        .http()
        .patch(`/v1/webhooks/${created.body.id}`)
        .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
        .send({ url: 'http://[::1]:3000/' })
        .expect(400);
      expect(patched.headers['content-type']).toMatch(PROBLEM);
      expect(patched.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
      await api.http().delete(`/v1/webhooks/${created.body.id}`).auth(cast.tokens.nepalAdmin, { type: 'bearer' });
    });

    it('accepts public addresses, names that do not resolve yet, and the allowed local network', async () => {
      for (const url of [`https://${PUBLIC}/hook`, 'https://example.invalid/hook', `http://${ALLOWED}:9/hook`]) {
        const created = await register(url).expect(201);
        await api.http().delete(`/v1/webhooks/${created.body.id}`).auth(cast.tokens.nepalAdmin, { type: 'bearer' });
      }
    });
  });

  describe('delivery', () => {
    const endpoints: Record<string, string> = {};

    beforeAll(async () => {
      const urls = {
        pinned: `http://pinned.partner.example:${portOf(allowed)}/pinned`,
        flipping: `http://flipping.partner.example:${portOf(allowed)}/flipping`,
        rebinding: `http://rebinding.partner.example:${portOf(loopback)}/rebinding`,
        redirect: `http://${ALLOWED}:${redirectingPort}/redirect`,
        closed: `http://${ALLOWED}:${closedPort}/closed`,
      };
      for (const [name, url] of Object.entries(urls)) endpoints[name] = (await register(url).expect(201)).body.id;
      endpoints['legacy'] = await registeredBeforeTheCheck(`http://127.0.0.1:${portOf(loopback)}/legacy`);
      const request = await createMlaUnderReview(api.em(), cast);
      await transition(api, cast.tokens.indiaSupervisor, request.id, 'approve').expect(200);
      await eventually(async () => {
        const rows = await api.em().find(WebhookDeliverySchema, { endpoint: Object.values(endpoints) });
        expect(rows.filter((row) => row.status !== 'pending')).toHaveLength(Object.keys(endpoints).length);
      }, 20_000);
    });

    /** An endpoint written before registration checked its address: delivery checks it again. */
    async function registeredBeforeTheCheck(url: string): Promise<string> {
      const em = api.em();
      const endpoint = em.create(WebhookEndpointSchema, {
        agency: cast.nepal,
        url,
        description: null,
        events: ['request.*'],
        secretCiphertext: Buffer.from('whsec_registered_before_the_check'),
        secretKeyId: null,
        previousSecretCiphertext: null,
        secretRotatedAt: null,
        active: true,
        createdBy: cast.users.nepalAdmin,
        deletedAt: null,
      });
      await em.flush();
      return endpoint.id;
    }

    async function deliveryTo(name: string) {
      const [delivery] = await api.em().find(WebhookDeliverySchema, { endpoint: endpoints[name] });
      return delivery;
    }

    it('connects to the address it checked: a name the worker resolves once, even when its answer changes', async () => {
      expect((await deliveryTo('pinned')).status).toBe('delivered');
      expect((await deliveryTo('flipping')).status).toBe('delivered');
      expect(allowed.received.map((webhook) => webhook.headers.host).sort()).toEqual([
        `flipping.partner.example:${portOf(allowed)}`,
        `pinned.partner.example:${portOf(allowed)}`,
      ]);
      expect(workerDns).toHaveBeenCalledWith('pinned.partner.example');
      expect(workerDns.mock.calls.filter(([name]) => name === 'flipping.partner.example')).toHaveLength(1);
    });

    it('refuses a name that resolves to loopback by delivery time, and an address registered before the check', async () => {
      for (const name of ['legacy', 'rebinding']) {
        const { status, attempts } = await deliveryTo(name);
        expect({ name, status, attempts }).toEqual({
          name,
          status: 'failed',
          attempts: [expect.objectContaining({ status: null, error: 'destination not allowed' })],
        });
      }
      expect(loopback.received).toHaveLength(0);
    });

    it('follows no redirect: a 3xx is a failed delivery', async () => {
      const delivery = await deliveryTo('redirect');
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts).toEqual([expect.objectContaining({ status: 307, error: null })]);
      expect(redirectTarget.received).toHaveLength(0);
    });

    it('logs a generic reason for a connection that failed, never the error of the socket', async () => {
      const delivery = await deliveryTo('closed');
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts).toEqual([expect.objectContaining({ status: null, error: 'no answer' })]);
      const log = await api
        .http()
        .get(`/v1/webhooks/${endpoints['closed']}/deliveries`)
        .auth(cast.tokens.nepalAdmin, { type: 'bearer' })
        .expect(200);
      expect(JSON.stringify(log.body)).not.toMatch(/ECONN|EHOST|ENET|127\.0\.0|fetch failed/);
    });
  });
});
