import { DEVELOPMENT_JWT_SECRET } from './config/config.schema';
import { loadConfig } from './liaison-config';

/** The development setting: the other variables below are read the same without it, given the secrets. */
const development = { LIAISON_DEVELOPMENT: '1' };

describe('loadConfig', () => {
  it('uses development defaults under the development setting when the environment is empty', () => {
    const config = loadConfig(development);
    expect(config.port).toBe(3000);
    expect(config.development).toBe(true);
    expect(config.jwt.secret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.jwt.accessTtlSeconds).toBe(900);
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('has no JWT secret to fall back to outside the development setting, whatever NODE_ENV says', () => {
    for (const NODE_ENV of [undefined, 'development', 'test', 'production']) {
      expect(() => loadConfig({ NODE_ENV })).toThrow('JWT_SECRET must be set to at least 32 characters');
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
        'JWT_SECRET is a known development value',
      );
    }
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).development).toBe(false);
  });

  it('never honours the second-factor exemptions in production, and ends sessions after 12 hours by default', () => {
    const secret = { JWT_SECRET: 'x'.repeat(32), SECOND_FACTOR_EXEMPTIONS: '1' };
    expect(loadConfig({ ...secret, NODE_ENV: 'test' }).sessions.secondFactorExemptions).toBe(true);
    expect(loadConfig({ ...secret, NODE_ENV: 'production' }).sessions.secondFactorExemptions).toBe(false);
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).sessions).toEqual({
      absoluteTtlSeconds: 12 * 3600,
      secondFactorExemptions: false,
      webauthn: { origin: 'http://localhost:3000', rpId: 'localhost' },
    });
  });

  it('reads values and lists from the environment', () => {
    const config = loadConfig({ ...development, PORT: '8080', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.port).toBe(8080);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('refuses a malformed number', () => {
    expect(() => loadConfig({ ...development, PORT: 'eighty' })).toThrow('PORT must be a non-negative integer');
  });

  it('refuses to run in production without a strong JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow('JWT_SECRET');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwt.secret).toBe('x'.repeat(32));
  });
});

describe('loadConfig reading the schema', () => {
  it('names every wrong variable of its areas in one error', () => {
    expect(() =>
      loadConfig({ ...development, PORT: 'eighty', JWT_ACCESS_TTL_SECONDS: '0', DATABASE_URL: 'localhost/liaison' }),
    ).toThrow(
      /3 variables[\s\S]*DATABASE_URL must be a postgresql:\/\/ or postgres:\/\/ URL[\s\S]*PORT must be[\s\S]*JWT_ACCESS_TTL_SECONDS must be a positive integer, got "0"/,
    );
  });

  it('keeps the owner URL apart from the application role only when given', () => {
    const databaseUrl = 'postgresql://liaison_app:pw@db:5432/liaison';
    expect(loadConfig({ ...development, DATABASE_URL: databaseUrl }).migrationDatabaseUrl).toBe(databaseUrl);
    const owner = 'postgresql://liaison@db:5432/liaison';
    expect(
      loadConfig({ ...development, DATABASE_URL: databaseUrl, MIGRATION_DATABASE_URL: owner }).migrationDatabaseUrl,
    ).toBe(owner);
  });

  it('is quiet under test and human-readable only when asked', () => {
    expect(loadConfig({ ...development, NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig(development).logLevel).toBe('info');
    expect(loadConfig({ ...development, LOG_PRETTY: '1' }).logPretty).toBe(true);
  });
});
