import type { NodeEnvironment } from './config/config.schema';
import { readSettings, type Env } from './config/read-config';
import type { TrustProxy } from './config/value-types';

/** The platform's settings, from the configuration schema (config/config.schema.ts). Defaults suit a developer's machine. */
export interface LiaisonConfig {
  nodeEnv: NodeEnvironment;
  /** LIAISON_DEVELOPMENT=1: the development shortcuts (fixed secrets and keys, no signing key, http webhooks). */
  development: boolean;
  port: number;
  /** What the apps connect as: the restricted application role (no UPDATE/DELETE on the audit trail). */
  databaseUrl: string;
  /** What migrations and the seed run as: the owner of the tables. Defaults to `databaseUrl`. */
  migrationDatabaseUrl: string;
  /** The application role's password, set by the launcher and the compose migrate job (null: trust/peer auth). */
  databaseAppPassword: string | null;
  /** The worker role's password (`liaison_worker`, which may add checkpoints), likewise. */
  databaseWorkerPassword: string | null;
  redisUrl: string;
  /** Prefix of every BullMQ key; tests give each jest worker its own. */
  queuePrefix: string;
  jwt: { secret: string; accessTtlSeconds: number; refreshTtlSeconds: number; issuer: string };
  login: { maxFailures: number; lockoutSeconds: number; slowdownAfter: number; slowdownStepMs: number };
  /** How long a new account's invitation link works. */
  invitationTtlHours: number;
  sessions: SessionsConfig;
  http: {
    corsOrigins: string[];
    bodyLimit: string;
    rateLimitPerMinute: number;
    /** Express's `trust proxy`: the proxies whose `X-Forwarded-For` is believed (none by default). */
    trustProxy: TrustProxy;
  };
  /** The api's `/metrics`, on a port of its own (0: not served), listening on `host`. */
  metrics: { port: number; host: string };
  audit: AuditConfig;
  personalData: PersonalDataConfig;
  logLevel: string;
  /** Human-readable logs (the launcher's default); JSON lines otherwise. */
  logPretty: boolean;
}

export interface SessionsConfig {
  /** A session ends this long after its sign-in, however often it is refreshed. */
  absoluteTtlSeconds: number;
  /** Accounts marked exempt (demo seed, test factories) sign in without a second factor: never in production. */
  secondFactorExemptions: boolean;
  /** Passkeys: the console's origin and the relying party id (its host name unless set). */
  webauthn: { origin: string; rpId: string };
}

export interface AuditConfig {
  /**
   * Ed25519 private key (PEM, or base64 of PKCS#8 DER) that signs checkpoints; null: none (only under the development setting).
   * Read by the worker only: the api never constructs the signer.
   */
  signingKey: string | null;
  /** Its public half (PEM, or base64 SPKI DER): all the api holds; null: none (only under the development setting). */
  publicKey: string | null;
  /** How often the worker looks for new entries to checkpoint. */
  checkpointIntervalSeconds: number;
  /** Largest checkpoint; a backlog is covered by several. */
  checkpointMaxEntries: number;
  /** Agencies whose auditors oversee every agency's trail (oversight bodies); platform admins always do. */
  oversightAgencyIds: string[];
  /** Where every signed checkpoint is published outside the database: a JSON Lines file, or an http(s) URL. */
  witness: string;
  /** Per-attempt timeout of a POST to an HTTP witness. */
  witnessTimeoutMs: number;
}

export interface PersonalDataConfig {
  /** Wraps every person's data key (32 bytes, base64 LIAISON_MASTER_KEY); null: unset outside development. */
  masterKey: Buffer | null;
  /** Earlier master keys still readable during a rotation (LIAISON_PREVIOUS_MASTER_KEY, comma-separated). */
  previousMasterKeys: Buffer[];
  /** Persons' identities are purged this many years after their request's closure; 0: never automatically. */
  retentionYears: number;
  /** How often the worker looks for identities past retention. */
  retentionCheckIntervalSeconds: number;
  /** Days a proposed purge waits for a second supervisor's confirmation before it lapses. */
  purgeProposalDays: number;
}

/**
 * Outside development (LIAISON_DEVELOPMENT=1, which the launcher sets), whatever NODE_ENV says, there is no JWT
 * secret to fall back to. An unset master key or signing key is null there, and the apps refuse to start (the start
 * check, MasterKeyring, AuditSigner); scripts such as migrations that never touch persons run without them.
 */
export function loadConfig(env?: Env): LiaisonConfig {
  const settings = readSettings(
    ['general', 'database', 'redis', 'http', 'metrics', 'sign-in', 'audit', 'personal-data'],
    env,
  );
  return {
    nodeEnv: settings.NODE_ENV,
    development: settings.LIAISON_DEVELOPMENT,
    port: settings.PORT,
    databaseUrl: settings.DATABASE_URL,
    migrationDatabaseUrl: settings.MIGRATION_DATABASE_URL ?? settings.DATABASE_URL,
    databaseAppPassword: settings.DATABASE_APP_PASSWORD ?? null,
    databaseWorkerPassword: settings.DATABASE_WORKER_PASSWORD ?? null,
    redisUrl: settings.REDIS_URL,
    queuePrefix: settings.QUEUE_PREFIX,
    jwt: {
      secret: settings.JWT_SECRET,
      accessTtlSeconds: settings.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: settings.JWT_REFRESH_TTL_SECONDS,
      issuer: settings.JWT_ISSUER,
    },
    login: {
      maxFailures: settings.LOGIN_MAX_FAILURES,
      lockoutSeconds: settings.LOGIN_LOCKOUT_SECONDS,
      slowdownAfter: settings.LOGIN_SLOWDOWN_AFTER,
      slowdownStepMs: settings.LOGIN_SLOWDOWN_STEP_MS,
    },
    invitationTtlHours: settings.INVITATION_TTL_HOURS,
    sessions: {
      absoluteTtlSeconds: settings.SESSION_ABSOLUTE_TTL_SECONDS,
      // the start check refuses the setting in production; read here too, it is never honoured there
      secondFactorExemptions: settings.SECOND_FACTOR_EXEMPTIONS && settings.NODE_ENV !== 'production',
      webauthn: {
        origin: new URL(settings.WEBAUTHN_ORIGIN).origin,
        rpId: settings.WEBAUTHN_RP_ID ?? new URL(settings.WEBAUTHN_ORIGIN).hostname,
      },
    },
    http: {
      corsOrigins: [...settings.CORS_ORIGINS],
      bodyLimit: settings.BODY_LIMIT,
      rateLimitPerMinute: settings.RATE_LIMIT_PER_MINUTE,
      trustProxy: settings.TRUST_PROXY,
    },
    metrics: { port: settings.METRICS_PORT, host: settings.METRICS_HOST },
    audit: {
      signingKey: settings.AUDIT_SIGNING_KEY ?? null,
      publicKey: settings.AUDIT_PUBLIC_KEY ?? null,
      checkpointIntervalSeconds: settings.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
      checkpointMaxEntries: settings.AUDIT_CHECKPOINT_MAX_ENTRIES,
      oversightAgencyIds: [...settings.AUDIT_OVERSIGHT_AGENCY_IDS],
      witness: settings.AUDIT_WITNESS,
      witnessTimeoutMs: settings.AUDIT_WITNESS_TIMEOUT_MS,
    },
    personalData: {
      masterKey: settings.LIAISON_MASTER_KEY ? Buffer.from(settings.LIAISON_MASTER_KEY) : null,
      previousMasterKeys: [...settings.LIAISON_PREVIOUS_MASTER_KEY],
      retentionYears: settings.PERSON_RETENTION_YEARS,
      retentionCheckIntervalSeconds: settings.PERSON_RETENTION_CHECK_INTERVAL_SECONDS,
      purgeProposalDays: settings.PERSON_PURGE_PROPOSAL_DAYS,
    },
    logLevel: settings.LOG_LEVEL ?? (settings.NODE_ENV === 'test' ? 'silent' : 'info'),
    logPretty: settings.LOG_PRETTY,
  };
}
