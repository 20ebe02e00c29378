import { buildOpenApiDocument } from '@liaison/api/openapi/openapi-document';
import { startApi, type ApiHarness } from './support/api-harness';

describe('platform endpoints (e2e)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ CORS_ORIGINS: 'https://console.liaison.example' });
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

  it('exposes Prometheus metrics, including request durations by route', async () => {
    await api.http().get('/health').expect(200);
    const metrics = await api.http().get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
    expect(metrics.text).toMatch(
      /liaison_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
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
