import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestHistorySchema, RequestSchema } from '@liaison/data';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { defaultPathValues } from './access-matrix';
import { buildAttackWorld, nextClientAddress, type AttackWorld } from './support/attack-world';
import { malformedCalls, type MalformedCall } from './support/malformed-input';
import { fetchOpenApi, operationsOf, type OpenApiDocument, type Operation } from './support/openapi-operations';
import { inPool, isProblem, listen, rawClient, type RawClient } from './support/raw-http';

jest.setTimeout(180_000);

const SEED = 20_260_601;
const BUDGET = { body: 330, query: 150, path: 30, header: 40, multipart: 330, stray: 40 };

/**
 * Every route of the OpenAPI document gets generated malformed bodies, query strings, path ids and headers, as a
 * caller who gets past every guard. Zero 5xx; every 4xx is
 * problem+json; input wrong for certain by the schema is refused.
 */
describe('generated malformed input on every route (attack)', () => {
  let api: ApiHarness;
  let client: RawClient;
  let world: AttackWorld;
  let document: OpenApiDocument;
  let operations: Operation[];

  const attachments = mkdtempSync(join(tmpdir(), 'liaison-attack-'));

  beforeAll(async () => {
    api = await startApi({
      ATTACHMENTS_DIR: attachments,
      RATE_LIMIT_PER_MINUTE: '100000000',
      // each sign-in names a client address of its own, as a local proxy would (see nextClientAddress)
      TRUST_PROXY: 'loopback',
    });
    client = rawClient(await listen(api), 8);
    world = await buildAttackWorld(api);
    document = await fetchOpenApi(client);
    operations = operationsOf(document);
  });

  afterAll(async () => {
    client.close();
    await api.close();
    rmSync(attachments, { recursive: true, force: true });
  });

  /** The world's own resources, so that bodies reach the services; the id of each route family where it differs. */
  const pathValues = (operation: Operation): Record<string, string> => {
    const values = defaultPathValues(world);
    if (operation.path.startsWith('/v1/webhooks/')) return { ...values, id: world.webhookId };
    if (operation.path.startsWith('/v1/inbox/')) return { ...values, id: world.inboxItemId };
    if (operation.path.startsWith('/v1/persons/')) return { ...values, id: world.purgePersonId };
    return values;
  };

  it('answers at least 10,000 malformed calls across all routes without a 5xx, every 4xx as problem+json', async () => {
    const before = await requestSnapshot();
    const calls = malformedCalls(document, operations, pathValues, { seed: SEED, budget: BUDGET });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    await inPool(calls, 8, async (call) => {
      // a client address of its own: the per-address limit on sign-ins would otherwise answer 429 before validation
      const headers = { ...call.headers, 'x-forwarded-for': nextClientAddress() };
      const response = await client.send({ ...call, headers, token: world.superToken });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const verdict = judge(call, response.status, isProblem(response));
      if (verdict)
        failures.push(
          `${verdict}: ${call.method} ${call.path.slice(0, 120)} [${call.kind}: ${call.label}] ${response.text.slice(0, 200)}`,
        );
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const covered = new Set(calls.map((call) => call.operation)).size;
    console.log(
      `malformed input: ${calls.length} generated calls over ${covered} of ${operations.length} routes in ${seconds} s; ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(failures.slice(0, 50)).toEqual([]);
    expect(calls.length).toBeGreaterThanOrEqual(10_000);
    expect(covered).toBe(operations.length);
    expect(await requestSnapshot()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });

  function judge(call: MalformedCall, status: number, problem: boolean): string | null {
    if (status >= 500) return `${status}`;
    if (status >= 400 && !problem) return `${status} not problem+json`;
    if (call.mustRefuse && status < 400) return `${status} accepted`;
    return null;
  }

  /** The world's request neither moved nor grew history: no malformed call changed it. */
  async function requestSnapshot() {
    const em = api.em();
    const request = await em.findOneOrFail(RequestSchema, world.requestId);
    return {
      state: request.state,
      version: request.version,
      history: await em.count(RequestHistorySchema, { request: world.requestId }),
    };
  }
});
