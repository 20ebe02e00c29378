import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { CONFIG_SCHEMA, DEVELOPMENT_JWT_SECRET, DEVELOPMENT_SECRET_PREFIX } from './config.schema';
import type { ValueType } from './value-types';
import { assertValidEnvironment, checkEnvironment, ConfigError, readSettings, withDefaults } from './read-config';

const auditKeys = generateKeyPairSync('ed25519');
const signingKey = auditKeys.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(32),
  AUDIT_SIGNING_KEY: signingKey,
  AUDIT_PUBLIC_KEY: auditKeys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  LIAISON_MASTER_KEY: randomBytes(32).toString('base64'),
};
const development = { LIAISON_DEVELOPMENT: '1' };

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the configuration schema', () => {
  it('declares a description and at least one reading process for every variable', () => {
    for (const [name, spec] of Object.entries(CONFIG_SCHEMA)) {
      expect([name, spec.description.length > 0, spec.processes.length > 0]).toEqual([name, true, true]);
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it('gives every default a value its own type reads back', () => {
    for (const [name, spec] of Object.entries(CONFIG_SCHEMA)) {
      if (!('default' in spec) || (Array.isArray(spec.default) && spec.default.length === 0)) continue;
      const type = spec.type as ValueType<unknown>;
      expect([name, type.parse(type.format(spec.default))]).toEqual([name, spec.default]);
    }
  });
});

describe('the start check', () => {
  it('accepts an empty environment under the development setting, and a complete one in production', () => {
    expect(checkEnvironment('api', development)).toEqual([]);
    expect(checkEnvironment('worker', production)).toEqual([]);
  });

  it('lists every wrong variable in one error, each with what it must be', () => {
    const error = errorOf(() =>
      assertValidEnvironment('api', {
        ...development,
        OUTBOX_POLL_MS: 'abc',
        PORT: '70000',
        DATABASE_URL: 'not a url',
        REDIS_URL: 'http://127.0.0.1:6379',
        SMTP_SECURE: 'true',
        LOG_LEVEL: 'verbose',
        NODE_ENV: 'prod',
      }),
    );
    expect(error.problems.map((problem) => problem.variable).sort()).toEqual(
      ['DATABASE_URL', 'LOG_LEVEL', 'NODE_ENV', 'OUTBOX_POLL_MS', 'PORT', 'REDIS_URL', 'SMTP_SECURE'].sort(),
    );
    expect(error.message).toContain('invalid configuration (7 variables; see docs/configuration.md)');
    expect(error.message).toContain('OUTBOX_POLL_MS must be a positive integer (at most 2147483647), got "abc"');
    expect(error.message).toContain('PORT must be a non-negative integer (at most 65535), got "70000"');
    expect(error.message).toContain('REDIS_URL must be a redis:// or rediss:// URL');
    expect(error.message).toContain('SMTP_SECURE must be 1 or 0, got "true"');
    expect(error.message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
    expect(error.message).toContain('NODE_ENV must be one of development, test, production, got "prod"');
  });

  it('refuses integers out of bounds, fractions, and timers Node would fire at once', () => {
    const variables = (env: Record<string, string>) =>
      checkEnvironment('worker', { ...development, ...env }).map((p) => p.variable);
    expect(variables({ OUTBOX_BATCH_SIZE: '0', WORKER_CONCURRENCY: '-1', WEBHOOK_ATTEMPTS: '2.5' })).toEqual([
      'OUTBOX_BATCH_SIZE',
      'WORKER_CONCURRENCY',
      'WEBHOOK_ATTEMPTS',
    ]);
    expect(variables({ DEADLINE_RECONCILE_MS: String(2 ** 31) })).toEqual(['DEADLINE_RECONCILE_MS']);
    expect(variables({ DEADLINE_RECONCILE_MS: '0', OUTBOX_GATHER_MS: '0', WORKER_METRICS_PORT: '9464' })).toEqual([]);
  });

  it('never echoes a secret value', () => {
    const error = errorOf(() =>
      assertValidEnvironment('api', {
        ...development,
        DATABASE_URL: 'mysql://liaison:hunter2@db/liaison',
        LIAISON_MASTER_KEY: 'hunter2-master',
        AUDIT_SIGNING_KEY: 'hunter2-signing',
      }),
    );
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'DATABASE_URL',
      'AUDIT_SIGNING_KEY',
      'LIAISON_MASTER_KEY',
    ]);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('DATABASE_URL must be a postgresql:// or postgres:// URL; the value is not shown');
  });

  it('stops the apps in production without their secrets, naming each', () => {
    const error = errorOf(() => assertValidEnvironment('worker', { NODE_ENV: 'production' }));
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'JWT_SECRET',
      'AUDIT_SIGNING_KEY',
      'LIAISON_MASTER_KEY',
    ]);
    expect(error.message).toContain('JWT_SECRET must be set to at least 32 characters in production');
    expect(error.message).toContain('AUDIT_SIGNING_KEY must be set in production: an Ed25519 private key');
    expect(error.message).toContain('LIAISON_MASTER_KEY must be set in production: 32 bytes in base64');
  });

  it('stops the apps without their secrets whatever NODE_ENV says, outside the development setting', () => {
    for (const NODE_ENV of [undefined, 'development', 'test']) {
      const error = errorOf(() => assertValidEnvironment('api', { NODE_ENV }));
      expect(error.problems.map((problem) => problem.variable)).toEqual([
        'JWT_SECRET',
        'AUDIT_PUBLIC_KEY',
        'LIAISON_MASTER_KEY',
      ]);
      expect(error.message).toContain(
        'JWT_SECRET must be set to at least 32 characters outside development (LIAISON_DEVELOPMENT=1)',
      );
      expect(error.message).toContain('LIAISON_MASTER_KEY must be set outside development (LIAISON_DEVELOPMENT=1)');
    }
    const { NODE_ENV: _production, ...withoutNodeEnv } = production;
    expect(checkEnvironment('api', withoutNodeEnv)).toEqual([]);
  });

  it('refuses the known development values outside the development setting', () => {
    const developmentValues = {
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      LIAISON_MASTER_KEY: Buffer.from(readSettings(['personal-data'], development).LIAISON_MASTER_KEY!).toString(
        'base64',
      ),
    };
    const launcherSecret = `${DEVELOPMENT_SECRET_PREFIX}${randomBytes(48).toString('base64url')}`;
    for (const env of [{}, { NODE_ENV: 'production' }]) {
      const variables = (given: Record<string, string>) =>
        checkEnvironment('api', { ...production, ...env, ...given }).map((p) => p.variable);
      expect(variables(developmentValues)).toEqual(['JWT_SECRET', 'LIAISON_MASTER_KEY']);
      expect(variables({ JWT_SECRET: launcherSecret })).toEqual(['JWT_SECRET']);
    }
    const error = errorOf(() => assertValidEnvironment('api', { ...production, JWT_SECRET: DEVELOPMENT_JWT_SECRET }));
    expect(error.message).toContain('JWT_SECRET is a known development value, refused in production');
    expect(error.message).not.toContain(DEVELOPMENT_JWT_SECRET);
    const { NODE_ENV: _production, ...withoutNodeEnv } = production;
    expect(checkEnvironment('api', { ...withoutNodeEnv, ...developmentValues, ...development })).toEqual([]);
  });

  it('refuses the development setting together with NODE_ENV=production', () => {
    const error = errorOf(() => assertValidEnvironment('api', { ...production, ...development }));
    expect(error.problems.map((problem) => problem.variable)).toEqual(['LIAISON_DEVELOPMENT']);
    expect(error.message).toContain('LIAISON_DEVELOPMENT=1 (development shortcuts) is refused together with');
    expect(() => readSettings(['attachments'], { NODE_ENV: 'production', ...development })).toThrow(
      'LIAISON_DEVELOPMENT',
    );
    expect(checkEnvironment('api', { ...production, LIAISON_DEVELOPMENT: '0' })).toEqual([]);
  });

  it('refuses the second-factor exemptions together with NODE_ENV=production, for the processes that read them', () => {
    const exemptions = { SECOND_FACTOR_EXEMPTIONS: '1' };
    const error = errorOf(() => assertValidEnvironment('api', { ...production, ...exemptions }));
    expect(error.problems.map((problem) => problem.variable)).toEqual(['SECOND_FACTOR_EXEMPTIONS']);
    expect(error.message).toContain('SECOND_FACTOR_EXEMPTIONS=1 is refused together with NODE_ENV=production');
    expect(checkEnvironment('launcher', { ...production, ...exemptions }).map((p) => p.variable)).toContain(
      'SECOND_FACTOR_EXEMPTIONS',
    );
    expect(checkEnvironment('worker', { ...production, ...exemptions })).toEqual([]);
    expect(checkEnvironment('api', { ...production, SECOND_FACTOR_EXEMPTIONS: '0' })).toEqual([]);
    expect(checkEnvironment('api', { ...production, NODE_ENV: 'test', ...exemptions })).toEqual([]);
  });

  it('keeps the private signing key in the worker: the api needs the public key only', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const base = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      LIAISON_MASTER_KEY: production.LIAISON_MASTER_KEY,
    };
    const variables = (process: 'api' | 'worker', env: Record<string, string>) =>
      checkEnvironment(process, { ...base, ...env }).map((p) => p.variable);
    const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    expect(variables('api', { AUDIT_PUBLIC_KEY: spki })).toEqual([]);
    expect(
      variables('api', { AUDIT_PUBLIC_KEY: publicKey.export({ format: 'pem', type: 'spki' }).toString() }),
    ).toEqual([]);
    expect(variables('api', {})).toEqual(['AUDIT_PUBLIC_KEY']);
    expect(variables('api', { AUDIT_PUBLIC_KEY: 'not a key' })).toEqual(['AUDIT_PUBLIC_KEY']);
    expect(
      variables('worker', {
        AUDIT_SIGNING_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      }),
    ).toEqual([]);
    expect(variables('worker', {})).toEqual(['AUDIT_SIGNING_KEY']);
  });

  it('lets one-shot scripts run in production without the keys they never use, but not without a JWT secret', () => {
    const variables = (env: Record<string, string>) => checkEnvironment('cli', env).map((p) => p.variable);
    expect(variables({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toEqual([]);
    expect(variables({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toEqual(['JWT_SECRET']);
  });
});

describe('readSettings', () => {
  it('reads only the areas asked for, typed, with the defaults', () => {
    const settings = readSettings(['notifications'], { PORT: 'not read here', OUTBOX_POLL_MS: '500' });
    expect(settings.OUTBOX_POLL_MS).toBe(500);
    expect(settings.OUTBOX_BATCH_SIZE).toBe(200);
    expect('PORT' in settings).toBe(false);
  });

  it('always checks NODE_ENV, which decides the development shortcuts', () => {
    expect(() => readSettings(['attachments'], { NODE_ENV: 'Production' })).toThrow('NODE_ENV must be one of');
  });

  it('counts an empty or blank value as unset', () => {
    const settings = readSettings(['redis', 'personal-data'], { QUEUE_PREFIX: '', LIAISON_PREVIOUS_MASTER_KEY: ' ' });
    expect(settings.QUEUE_PREFIX).toBe('liaison');
    expect(settings.LIAISON_PREVIOUS_MASTER_KEY).toEqual([]);
  });

  it('uses development defaults only under the development setting', () => {
    expect(readSettings(['sign-in'], development).JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
    expect(readSettings(['sign-in'], { ...development, NODE_ENV: 'test' }).JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
    expect(() => readSettings(['sign-in'], { NODE_ENV: 'production' })).toThrow('JWT_SECRET must be set');
    expect(() => readSettings(['sign-in'], {})).toThrow('JWT_SECRET must be set');
    expect(() => readSettings(['sign-in'], { NODE_ENV: 'test' })).toThrow('JWT_SECRET must be set');
    expect(readSettings(['personal-data'], development).LIAISON_MASTER_KEY).toHaveLength(32);
    expect(readSettings(['personal-data'], { NODE_ENV: 'production' }).LIAISON_MASTER_KEY).toBeUndefined();
    expect(readSettings(['personal-data'], {}).LIAISON_MASTER_KEY).toBeUndefined();
  });

  it('reads lists item by item and refuses a list with one wrong item', () => {
    const id = '0195d3c2-7a1e-7c3b-9f0e-1a2b3c4d5e6f';
    expect(readSettings(['audit'], { AUDIT_OVERSIGHT_AGENCY_IDS: ` ${id} ,` }).AUDIT_OVERSIGHT_AGENCY_IDS).toEqual([
      id,
    ]);
    expect(() => readSettings(['audit'], { AUDIT_OVERSIGHT_AGENCY_IDS: `${id},np-police` })).toThrow(
      'AUDIT_OVERSIGHT_AGENCY_IDS must be a comma-separated list, each a UUID, got',
    );
    expect(() => readSettings(['http'], { CORS_ORIGINS: 'https://a.example,a.example' })).toThrow('CORS_ORIGINS');
  });
});

describe('withDefaults', () => {
  it('fills only the variables left unset', () => {
    const env = withDefaults({ LOG_PRETTY: '0', NODE_ENV: '', OTHER: 'kept' }, { LOG_PRETTY: '1', NODE_ENV: 'test' });
    expect(env).toEqual({ LOG_PRETTY: '0', NODE_ENV: 'test', OTHER: 'kept' });
  });
});
