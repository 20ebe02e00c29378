import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { ACCESS_MATRIX, defaultPathValues, expectedOutcome, type Outcome, type RouteRule } from './access-matrix';
import {
  buildAttackWorld,
  CALLER_ROLES,
  RELATIONS,
  type AttackWorld,
  type CallerRole,
  type Relation,
} from './support/attack-world';
import { multipart } from './support/multipart';
import { fetchOpenApi, fillPath, operationsOf, type Operation } from './support/openapi-operations';
import { isProblem, listen, rawClient, type RawClient, type RawResponse } from './support/raw-http';

jest.setTimeout(120_000);

/** Every route of the OpenAPI document, not a hand-picked list. */
describe('access matrix from the OpenAPI document (attack)', () => {
  let api: ApiHarness;
  let client: RawClient;
  let world: AttackWorld;
  let operations: Operation[];

  const attachments = mkdtempSync(join(tmpdir(), 'liaison-attack-'));

  beforeAll(async () => {
    api = await startApi({
      ATTACHMENTS_DIR: attachments,
      RATE_LIMIT_PER_MINUTE: '1000000',
      // each sign-in names a client address of its own, as a local proxy would (see nextClientAddress)
      TRUST_PROXY: 'loopback',
    });
    client = rawClient(await listen(api), 4);
    world = await buildAttackWorld(api);
    operations = operationsOf(await fetchOpenApi(client));
  });

  afterAll(async () => {
    client.close();
    await api.close();
    rmSync(attachments, { recursive: true, force: true });
  });

  const outcomeOf = (response: RawResponse): Outcome =>
    response.status === 401 || response.status === 403 || response.status === 404 ? response.status : 'allowed';

  async function call(
    operation: Operation,
    rule: RouteRule,
    role: CallerRole | 'anonymous',
    token: string | undefined,
    pathValues?: Record<string, string>,
  ): Promise<RawResponse> {
    const fixture = { api, world, role };
    const values = pathValues ?? { ...defaultPathValues(world), ...(await rule.params?.(fixture)) };
    const path = fillPath(operation.path, values);
    const headers = rule.headers?.() ?? {};
    if (rule.upload) {
      const form = multipart([{ fileName: 'matrix.txt', contentType: 'text/plain', content: 'from the matrix' }]);
      return client.send({
        method: operation.method,
        path,
        token,
        headers: { ...headers, 'content-type': form.contentType },
        body: form.body,
      });
    }
    const body = await rule.body?.(fixture);
    return client.send({
      method: operation.method,
      path,
      token,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  it('has a rule for every operation of the document, none for a route that is gone, and agrees on which are public', () => {
    const documented = operations.map((operation) => operation.key).sort();
    const ruled = Object.keys(ACCESS_MATRIX).sort();
    expect({ withoutRule: documented.filter((key) => !(key in ACCESS_MATRIX)) }).toEqual({ withoutRule: [] });
    expect({ gone: ruled.filter((key) => !documented.includes(key)) }).toEqual({ gone: [] });
    const publicInDocument = operations.filter((operation) => !operation.secured).map((operation) => operation.key);
    const publicInMatrix = ruled.filter((key) => ACCESS_MATRIX[key]?.public);
    expect(publicInDocument.sort()).toEqual(publicInMatrix);
  });

  it('answers every route × role × relation as the matrix says, every refusal as problem+json', async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const operation of operations) {
      const rule = ACCESS_MATRIX[operation.key];
      if (!rule) continue; // reported by the test above
      const anonymous = await call(operation, rule, 'anonymous', undefined);
      cells += 1;
      check(operation.key, 'anonymous', '-', anonymous, expectedOutcome(rule, 'anonymous', 'own'));
      for (const role of CALLER_ROLES) {
        for (const relation of RELATIONS) {
          const response = await call(operation, rule, role, world.tokens[`${relation}:${role}`]);
          cells += 1;
          check(operation.key, role, relation, response, expectedOutcome(rule, role, relation));
        }
      }
    }

    function check(key: string, role: string, relation: string, response: RawResponse, expected: Outcome) {
      const actual = outcomeOf(response);
      if (response.status >= 500) wrong.push(`${key} as ${relation} ${role}: ${response.status} ${response.text}`);
      else if (actual !== expected)
        wrong.push(`${key} as ${relation} ${role}: expected ${expected}, got ${response.status}`);
      else if (response.status >= 400 && !isProblem(response))
        wrong.push(`${key} as ${relation} ${role}: not problem+json`);
    }

    console.log(`access matrix: ${operations.length} routes, ${cells} route × role × relation cells checked`);
    expect(wrong).toEqual([]);
    expect(cells).toBe(operations.length * (1 + CALLER_ROLES.length * RELATIONS.length));
  });

  it("answers a foreign agency on another agency's resource exactly as for an id that does not exist", async () => {
    const leaks: string[] = [];
    for (const operation of operations) {
      const rule = ACCESS_MATRIX[operation.key];
      if (!rule || !operation.path.includes('{') || operation.path.includes('{kind}')) continue;
      for (const role of CALLER_ROLES) {
        const foreign = expectedOutcome(rule, role, 'foreign');
        if (foreign === 'allowed') continue; // the directory and the oversight of platform admins
        const unknown = Object.fromEntries(
          [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name as string, randomUUID()]),
        );
        const response = await call(operation, rule, role, world.tokens[`foreign:${role}`], unknown);
        if (response.status !== foreign)
          leaks.push(`${operation.key} as ${role}: ${foreign} vs unknown ${response.status}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('finds the request in searches of its agencies and task-force members only', async () => {
    for (const relation of RELATIONS) {
      for (const role of CALLER_ROLES) {
        const response = await client.send({
          method: 'GET',
          path: `/v1/requests?q=${encodeURIComponent(world.reference)}`,
          token: world.tokens[`${relation}:${role}`],
        });
        const found = response.json<{ items: { id: string }[] }>().items.some((item) => item.id === world.requestId);
        expect({ relation, role, found }).toEqual({ relation, role, found: relation !== 'foreign' });
      }
    }
  });

  it('shows the identities of persons in clear only to officers and supervisors of the two agencies', async () => {
    for (const relation of ['own', 'counterpart', 'taskForce'] as Relation[]) {
      for (const role of CALLER_ROLES) {
        const response = await client.send({
          method: 'GET',
          path: `/v1/requests/${world.requestId}/persons`,
          token: world.tokens[`${relation}:${role}`],
        });
        const inClear = response.text.includes('A Witness');
        const entitled = relation !== 'taskForce' && (role === 'officer' || role === 'supervisor');
        expect({ relation, role, inClear }).toEqual({ relation, role, inClear: entitled });
      }
    }
  });
});
