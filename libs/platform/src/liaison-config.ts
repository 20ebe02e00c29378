import { createHash, createPrivateKey } from 'node:crypto';

/** Every setting of the platform, read once from the environment. Defaults suit a developer's machine. */
export interface LiaisonConfig {
  nodeEnv: string;
  port: number;
  /** What the apps connect as: the restricted application role (no UPDATE/DELETE on the audit trail). */
  databaseUrl: string;
  /** What migrations and the seed run as: the owner of the tables. Defaults to `databaseUrl`. */
  migrationDatabaseUrl: string;
  /** The application role's password, set by the launcher and the compose migrate job (null: trust/peer auth). */
  databaseAppPassword: string | null;
  redisUrl: string;
  /** Prefix of every BullMQ key; tests give each jest worker its own. */
  queuePrefix: string;
  jwt: { secret: string; accessTtlSeconds: number; refreshTtlSeconds: number; issuer: string };
  login: { maxFailures: number; lockoutSeconds: number; slowdownAfter: number; slowdownStepMs: number };
  http: { corsOrigins: string[]; bodyLimit: string; rateLimitPerMinute: number };
  audit: AuditConfig;
  personalData: PersonalDataConfig;
  logLevel: string;
  /** Human-readable logs (the launcher's default); JSON lines otherwise. */
  logPretty: boolean;
}

export interface AuditConfig {
  /** Ed25519 private key (PEM, or base64 of PKCS#8 DER) that signs checkpoints; null: none (refused in production). */
  signingKey: string | null;
  /** How often the worker looks for new entries to checkpoint. */
  checkpointIntervalSeconds: number;
  /** Largest checkpoint; a backlog is covered by several. */
  checkpointMaxEntries: number;
  /** Agencies whose auditors oversee every agency's trail (oversight bodies); platform admins always do. */
  oversightAgencyIds: string[];
}

export interface PersonalDataConfig {
  /** Wraps every person's data key (32 bytes, base64 LIAISON_MASTER_KEY); null: unset in production. */
  masterKey: Buffer | null;
  /** Earlier master keys still readable during a rotation (LIAISON_PREVIOUS_MASTER_KEY, comma-separated). */
  previousMasterKeys: Buffer[];
  /** Persons' identities are purged this many years after their request's closure; 0: never automatically. */
  retentionYears: number;
  /** How often the worker looks for identities past retention. */
  retentionCheckIntervalSeconds: number;
}

export const DEVELOPMENT_JWT_SECRET = 'liaison-development-secret-change-me';

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): LiaisonConfig {
  const nodeEnv = env['NODE_ENV'] ?? 'development';
  const databaseUrl = env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/liaison';
  return {
    nodeEnv,
    port: int(env, 'PORT', 3000),
    databaseUrl,
    migrationDatabaseUrl: env['MIGRATION_DATABASE_URL'] || databaseUrl,
    databaseAppPassword: env['DATABASE_APP_PASSWORD'] || null,
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
      corsOrigins: list(env['CORS_ORIGINS']),
      bodyLimit: env['BODY_LIMIT'] ?? '1mb',
      rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600),
    },
    audit: {
      signingKey: auditSigningKey(env),
      checkpointIntervalSeconds: int(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', 60),
      checkpointMaxEntries: int(env, 'AUDIT_CHECKPOINT_MAX_ENTRIES', 250_000),
      oversightAgencyIds: list(env['AUDIT_OVERSIGHT_AGENCY_IDS']),
    },
    personalData: {
      masterKey: masterKey(env, nodeEnv),
      previousMasterKeys: list(env['LIAISON_PREVIOUS_MASTER_KEY']).map((raw) =>
        decodeMasterKey(raw, 'LIAISON_PREVIOUS_MASTER_KEY'),
      ),
      retentionYears: int(env, 'PERSON_RETENTION_YEARS', 10),
      retentionCheckIntervalSeconds: int(env, 'PERSON_RETENTION_CHECK_INTERVAL_SECONDS', 3600),
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

/** Checked here so a wrong key stops the start, not the first checkpoint an hour later. */
function auditSigningKey(env: Env): string | null {
  const raw = env['AUDIT_SIGNING_KEY']?.trim();
  if (!raw) return null; // production refuses to start without one: see AuditSigner
  let type: string | undefined;
  try {
    const key = raw.includes('-----BEGIN')
      ? createPrivateKey(raw)
      : createPrivateKey({ key: Buffer.from(raw, 'base64'), format: 'der', type: 'pkcs8' });
    type = key.asymmetricKeyType;
  } catch {
    type = undefined;
  }
  if (type !== 'ed25519')
    throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 private key (PEM, or base64 PKCS#8 DER)');
  return raw;
}

/**
 * Development and tests fall back to a fixed, public key (the launcher generates a real one). In production an unset
 * key is null, and the apps refuse to start (see the requests lib's MasterKeyring); scripts such as migrations that
 * never touch persons run without it.
 */
function masterKey(env: Env, nodeEnv: string): Buffer | null {
  const raw = env['LIAISON_MASTER_KEY']?.trim();
  if (raw) return decodeMasterKey(raw, 'LIAISON_MASTER_KEY');
  if (nodeEnv === 'production') return null;
  return createHash('sha256').update(DEVELOPMENT_MASTER_KEY_SEED).digest();
}

const DEVELOPMENT_MASTER_KEY_SEED = 'liaison-development-master-key-change-me';

function decodeMasterKey(raw: string, name: string): Buffer {
  const key = Buffer.from(raw, 'base64'); // also accepts the URL-safe alphabet
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes in base64 (e.g. openssl rand -base64 32)`);
  return key;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}
