import { DEVELOPMENT_JWT_SECRET, loadConfig } from './liaison-config';

describe('loadConfig', () => {
  it('uses development defaults when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.jwt.secret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.jwt.accessTtlSeconds).toBe(900);
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('reads values and lists from the environment', () => {
    const config = loadConfig({ PORT: '8080', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.port).toBe(8080);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('refuses a malformed number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a non-negative integer');
  });

  it('refuses to run in production without a strong JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow('JWT_SECRET');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwt.secret).toBe('x'.repeat(32));
  });
});
