import { createAgency, createUser } from '@liaison/testing';
import { freePort } from '../fault/support/free-port';
import { buildOpenApiDocument } from '@liaison/api/openapi/openapi-document';
import { startApi, type ApiHarness } from './support/api-harness';

describe('platform endpoints (e2e)', () => {
  let api: ApiHarness;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    api = await startApi({ CORS_ORIGINS: 'https://console.liaison.example', METRICS_PORT: String(metricsPort) });
  });

  afterAll(() => api.close());

  it('reports PostgreSQL and Redis up on /health, without a token', async () => {
    const response = await api.http().get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      details: { postgresql: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const document = (await api.http().get('/docs-json').expect(200)).body;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Liaison API');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/auth/login', '/v1/auth/refresh', '/v1/me', '/v1/agencies/{agencyId}/users']),
    );
    expect(document.components.schemas.LoginDto.required).toEqual(['email', 'password']);
    const page = await api.http().get('/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
  });

  it('serves the same document as the one built without a server, which the console types come from', async () => {
    const served = (await api.http().get('/docs-json').expect(200)).body;
    expect(served).toEqual(JSON.parse(JSON.stringify(await buildOpenApiDocument())));
  });

  it('exposes Prometheus metrics on a port of their own, including request durations by route', async () => {
    await api.http().get('/health').expect(200);
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(
      /liaison_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
    expect((await fetch(`http://127.0.0.1:${metricsPort}/v1/me`)).status).toBe(404);
  });

  it('answers 404 for /metrics on the API port', async () => {
    const response = await api.http().get('/metrics').expect(404);
    expect(response.text).not.toContain('process_cpu_user_seconds_total');
  });

  it('lets no cache keep an API answer, whether it succeeds or fails', async () => {
    const agency = await createAgency(api.em(), { name: 'Nepal Police', country: 'NP' });
    const token = await api.login((await createUser(api.em(), agency, { roles: ['OFFICER'] })).email);
    const me = await api.http().get('/v1/me').auth(token, { type: 'bearer' }).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const search = await api.http().get('/v1/requests?limit=5').auth(token, { type: 'bearer' }).expect(200);
    expect(search.headers['cache-control']).toBe('no-store');
    const refused = await api.http().get('/v1/requests').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    const missing = await api.http().get('/v1/nothing-here').expect(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('echoes a sane request id and makes one otherwise', async () => {
    const given = await api.http().get('/health').set('X-Request-Id', 'trace-abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-abc-123');
    const made = await api.http().get('/health').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers (helmet) and answers CORS only for configured origins', async () => {
    const response = await api.http().get('/health').set('Origin', 'https://console.liaison.example').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBe('https://console.liaison.example');
    const foreign = await api.http().get('/health').set('Origin', 'https://evil.example').expect(200);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});
