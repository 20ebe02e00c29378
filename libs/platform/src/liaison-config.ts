/** Every setting of the platform, read once from the environment. Defaults suit a developer's machine. */
export interface LiaisonConfig {
  nodeEnv: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix of every BullMQ key; tests give each jest worker its own. */
  queuePrefix: string;
  jwt: { secret: string; accessTtlSeconds: number; refreshTtlSeconds: number; issuer: string };
  login: { maxFailures: number; lockoutSeconds: number; slowdownAfter: number; slowdownStepMs: number };
  http: { corsOrigins: string[]; bodyLimit: string; rateLimitPerMinute: number };
  logLevel: string;
  /** Human-readable logs (the launcher's default); JSON lines otherwise. */
  logPretty: boolean;
}

export const DEVELOPMENT_JWT_SECRET = 'liaison-development-secret-change-me';

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): LiaisonConfig {
  const nodeEnv = env['NODE_ENV'] ?? 'development';
  return {
    nodeEnv,
    port: int(env, 'PORT', 3000),
    databaseUrl: env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/liaison',
    redisUrl: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    queuePrefix: env['QUEUE_PREFIX'] ?? 'liaison',
    jwt: {
      secret: jwtSecret(env, nodeEnv),
      accessTtlSeconds: int(env, 'JWT_ACCESS_TTL_SECONDS', 900),
      refreshTtlSeconds: int(env, 'JWT_REFRESH_TTL_SECONDS', 8 * 3600),
      issuer: env['JWT_ISSUER'] ?? 'liaison',
    },
    login: {
      maxFailures: int(env, 'LOGIN_MAX_FAILURES', 5),
      lockoutSeconds: int(env, 'LOGIN_LOCKOUT_SECONDS', 900),
      slowdownAfter: int(env, 'LOGIN_SLOWDOWN_AFTER', 2),
      slowdownStepMs: int(env, 'LOGIN_SLOWDOWN_STEP_MS', 250),
    },
    http: {
      corsOrigins: (env['CORS_ORIGINS'] ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      bodyLimit: env['BODY_LIMIT'] ?? '1mb',
      rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600),
    },
    logLevel: env['LOG_LEVEL'] ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    logPretty: env['LOG_PRETTY'] === '1',
  };
}

/** Production refuses to start without a real secret; the launcher supplies a development one. */
function jwtSecret(env: Env, nodeEnv: string): string {
  const secret = env['JWT_SECRET'];
  if (secret && secret.length >= 32) return secret;
  if (nodeEnv === 'production') throw new Error('JWT_SECRET must be set to at least 32 characters in production');
  return secret ?? DEVELOPMENT_JWT_SECRET;
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}
