import { createHash } from 'node:crypto';
import {
  base64Key,
  byteSize,
  ed25519PrivateKey,
  ed25519PublicKey,
  flag,
  integer,
  list,
  network,
  oneOf,
  reminderSchedule,
  text,
  trustProxy,
  url,
  uuid,
  type ValueType,
} from './value-types';

/** The processes that read the environment: the two apps, `npm start`, and the one-shot scripts (migrate, seed...). */
export type ConfigProcess = 'api' | 'worker' | 'launcher' | 'cli';

/** Areas group the variables in the reference; each loader reads the areas it needs. */
export const CONFIG_AREAS = {
  general: 'General',
  database: 'PostgreSQL',
  redis: 'Redis',
  http: 'HTTP',
  metrics: 'Metrics (for the internal network only)',
  'sign-in': 'Sign-in and tokens',
  sso: 'Single sign-on (OpenID Connect)',
  audit: 'Audit trail',
  'personal-data': "Victims' personal data",
  attachments: 'Attachments',
  notifications: 'Outbox relay, queues and deadlines',
  email: 'E-mail',
  webhooks: 'Webhooks',
  launcher: '`npm start` and the demo seed',
} as const;
export type ConfigArea = keyof typeof CONFIG_AREAS;

/**
 * A secret outside development (without LIAISON_DEVELOPMENT=1, whatever NODE_ENV says). `always`: every process
 * that reads the variable stops without it; `apps`: the api and the worker stop at start (one-shot scripts such as
 * migrations run without it). `minLength` is stricter than under the development setting.
 */
export interface SecretRule {
  readonly required: 'always' | 'apps';
  readonly minLength?: number;
}

export interface VariableSpec<T> {
  readonly area: ConfigArea;
  readonly description: string;
  /** Never echoed in errors; the reference says so. */
  readonly secret: boolean;
  readonly processes: readonly ConfigProcess[];
  readonly default?: T;
  /** Used when unset under LIAISON_DEVELOPMENT=1: the development shortcuts, and only there. */
  readonly developmentDefault?: T;
  /** Recognises the known development values (public, or the launcher's): refused outside development. */
  isDevelopmentValue?(value: T): boolean;
  /** The default as the reference words it, when the value alone would not say it. */
  readonly defaultText?: string;
  readonly outsideDevelopment?: SecretRule;
  /** Set (true) together with NODE_ENV=production, the processes that read it refuse to start. */
  readonly refusedInProduction?: boolean;
}

export type Variable<T> = VariableSpec<T> & { readonly type: ValueType<T> };

type ValueOfType<Y> = Y extends ValueType<infer T> ? T : never;

function variable<Y extends ValueType<unknown>, const S extends VariableSpec<ValueOfType<Y>>>(
  type: Y,
  spec: S,
): S & { readonly type: Y } {
  return { ...spec, type };
}

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Starts every development JWT secret: the public fallback and the ones the launcher generates into `.data`. */
export const DEVELOPMENT_SECRET_PREFIX = 'liaison-development-';
export const DEVELOPMENT_JWT_SECRET = `${DEVELOPMENT_SECRET_PREFIX}secret-change-me`;
/** A fixed, public key for development (the launcher generates a random one). */
const DEVELOPMENT_MASTER_KEY = createHash('sha256').update('liaison-development-master-key-change-me').digest();

const EVERY_PROCESS: readonly ConfigProcess[] = ['api', 'worker', 'launcher', 'cli'];
/** setTimeout and setInterval take at most 2^31 - 1 ms (longer fires at once). */
const TIMER_MAX_MS = 2_147_483_647;
const TIMER_MAX_SECONDS = Math.floor(TIMER_MAX_MS / 1000);
const POSTGRES_URL = url(['postgresql:', 'postgres:']);
const WEB_URL = url(['http:', 'https:']);

/** Every environment variable the platform reads, declared once. docs/configuration.md is generated from it. */
export const CONFIG_SCHEMA = {
  NODE_ENV: variable(oneOf(NODE_ENVIRONMENTS), {
    area: 'general',
    default: 'development',
    secret: false,
    processes: EVERY_PROCESS,
    description:
      'production: no e-mail to files and LIAISON_DEVELOPMENT refused; test: quieter logs. The secrets follow LIAISON_DEVELOPMENT, not this',
  }),
  LIAISON_DEVELOPMENT: variable(flag(), {
    area: 'general',
    default: false,
    defaultText: '`0` (`1` under `npm start`)',
    secret: false,
    processes: EVERY_PROCESS,
    description:
      'development shortcuts, never in production: unset secrets fall back to fixed public values, known development secrets are accepted, http webhooks are allowed. Refused with NODE_ENV=production',
  }),
  LOG_LEVEL: variable(oneOf(LOG_LEVELS), {
    area: 'general',
    defaultText: '`info` (`silent` when NODE_ENV=test)',
    secret: false,
    processes: ['api', 'worker'],
    description: 'pino log level',
  }),
  LOG_PRETTY: variable(flag(), {
    area: 'general',
    default: false,
    defaultText: '`0` (`1` under `npm start`)',
    secret: false,
    processes: ['api', 'worker', 'launcher'],
    description: 'human-readable log lines instead of JSON',
  }),

  DATABASE_URL: variable(POSTGRES_URL, {
    area: 'database',
    default: 'postgresql://postgres@127.0.0.1:5432/liaison',
    defaultText: '`postgresql://postgres@127.0.0.1:5432/liaison`; `npm start`: an embedded PostgreSQL',
    secret: true,
    processes: EVERY_PROCESS,
    description:
      'what the apps connect as: the api as the restricted application role `liaison_app` (no UPDATE or DELETE on the audit trail, no INSERT of checkpoints), the worker as `liaison_worker` (the same, plus adding checkpoints); may carry a password',
  }),
  MIGRATION_DATABASE_URL: variable(POSTGRES_URL, {
    area: 'database',
    defaultText: 'DATABASE_URL',
    secret: true,
    processes: ['launcher', 'cli'],
    description: 'what migrations and the seed run as: the owner of the tables',
  }),
  DATABASE_APP_PASSWORD: variable(text(), {
    area: 'database',
    defaultText: 'none (trust or peer authentication); `npm start`: generated into `.data`',
    secret: true,
    processes: ['launcher', 'cli'],
    description: "the application role's password, set by `npm start` and the compose migrate job",
  }),
  DATABASE_WORKER_PASSWORD: variable(text(), {
    area: 'database',
    defaultText: 'none (trust or peer authentication); `npm start`: generated into `.data`',
    secret: true,
    processes: ['launcher', 'cli'],
    description: "the worker role's (`liaison_worker`) password, set by `npm start` and the compose migrate job",
  }),

  REDIS_URL: variable(url(['redis:', 'rediss:']), {
    area: 'redis',
    default: 'redis://127.0.0.1:6379',
    defaultText: '`redis://127.0.0.1:6379`; `npm start`: that one if it answers, else a `redis-server` it starts',
    secret: true,
    processes: ['api', 'worker', 'launcher'],
    description:
      'Redis for BullMQ and login throttling, with its password (`redis://:<password>@host:6379`); `rediss://` for TLS',
  }),
  QUEUE_PREFIX: variable(text(), {
    area: 'redis',
    default: 'liaison',
    secret: false,
    processes: ['api', 'worker'],
    description: 'prefix of every BullMQ and Redis key',
  }),

  PORT: variable(integer({ min: 0, max: 65535 }), {
    area: 'http',
    default: 3000,
    secret: false,
    processes: ['api', 'launcher'],
    description: 'port the API listens on',
  }),
  CORS_ORIGINS: variable(list(WEB_URL), {
    area: 'http',
    default: [],
    secret: false,
    processes: ['api'],
    description: 'origins allowed by CORS (none: CORS off)',
  }),
  BODY_LIMIT: variable(byteSize(), {
    area: 'http',
    default: '1mb',
    secret: false,
    processes: ['api'],
    description: 'largest JSON body',
  }),
  RATE_LIMIT_PER_MINUTE: variable(integer({ min: 1 }), {
    area: 'http',
    default: 600,
    secret: false,
    processes: ['api'],
    description: 'requests per client IP per minute (login: 30)',
  }),

  TRUST_PROXY: variable(trustProxy(), {
    area: 'http',
    default: [],
    secret: false,
    processes: ['api'],
    description:
      "the proxies whose `X-Forwarded-For` tells the client's address (the rate limits and the trail use it): their addresses or networks (`10.0.0.0/8`), `loopback`, `linklocal`, `uniquelocal`, or how many hops; none: the connection's own address",
  }),

  METRICS_PORT: variable(integer({ min: 0, max: 65535 }), {
    area: 'metrics',
    default: 9464,
    secret: false,
    processes: ['api', 'launcher'],
    description: "the api's Prometheus `/metrics` port, apart from PORT, which answers 404 for it (0: not served)",
  }),
  WORKER_METRICS_PORT: variable(integer({ min: 0, max: 65535 }), {
    area: 'metrics',
    default: 0,
    secret: false,
    processes: ['worker'],
    description: "the worker's Prometheus `/metrics` port (0: not served)",
  }),
  METRICS_HOST: variable(text(), {
    area: 'metrics',
    default: '127.0.0.1',
    secret: false,
    processes: ['api', 'worker', 'launcher'],
    description:
      'address the `/metrics` ports listen on: `0.0.0.0` lets a Prometheus elsewhere scrape them, so keep them off the public network',
  }),

  JWT_SECRET: variable(text(), {
    area: 'sign-in',
    developmentDefault: DEVELOPMENT_JWT_SECRET,
    isDevelopmentValue: (value) => value.startsWith(DEVELOPMENT_SECRET_PREFIX),
    defaultText: 'none; development: a fixed value; `npm start`: generated into `.data`',
    outsideDevelopment: { required: 'always', minLength: 32 },
    secret: true,
    processes: ['api', 'worker', 'launcher', 'cli'],
    description: `HS256 key of the access tokens (at least 32 characters; one starting \`${DEVELOPMENT_SECRET_PREFIX}\` only in development)`,
  }),
  JWT_ACCESS_TTL_SECONDS: variable(integer({ min: 1 }), {
    area: 'sign-in',
    default: 900,
    secret: false,
    processes: ['api'],
    description: 'access token lifetime',
  }),
  JWT_REFRESH_TTL_SECONDS: variable(integer({ min: 1 }), {
    area: 'sign-in',
    default: 8 * 3600,
    secret: false,
    processes: ['api'],
    description: 'refresh token lifetime',
  }),
  JWT_ISSUER: variable(text(), {
    area: 'sign-in',
    default: 'liaison',
    secret: false,
    processes: ['api'],
    description: '`iss` of the access tokens, checked on every request',
  }),
  LOGIN_MAX_FAILURES: variable(integer({ min: 1 }), {
    area: 'sign-in',
    default: 5,
    secret: false,
    processes: ['api'],
    description: 'failed sign-ins before the login name is locked',
  }),
  LOGIN_LOCKOUT_SECONDS: variable(integer({ min: 1 }), {
    area: 'sign-in',
    default: 900,
    secret: false,
    processes: ['api'],
    description: 'how long a locked login name stays locked',
  }),
  LOGIN_SLOWDOWN_AFTER: variable(integer({ min: 0 }), {
    area: 'sign-in',
    default: 2,
    secret: false,
    processes: ['api'],
    description: 'failures answered at once; each further one waits longer (capped at 3 s)',
  }),
  LOGIN_SLOWDOWN_STEP_MS: variable(integer({ min: 0 }), {
    area: 'sign-in',
    default: 250,
    secret: false,
    processes: ['api'],
    description: 'the wait added per failure beyond LOGIN_SLOWDOWN_AFTER',
  }),

  INVITATION_TTL_HOURS: variable(integer({ min: 1, max: 24 * 30 }), {
    area: 'sign-in',
    default: 72,
    secret: false,
    processes: ['api'],
    description:
      "how long a new account's invitation link works (a password reset link: 30 minutes); an administrator's reset sends a new one",
  }),
  SSO_ALLOW_HTTP: variable(flag(), {
    area: 'sso',
    default: false,
    defaultText: '`0` (http allowed under LIAISON_DEVELOPMENT=1)',
    secret: false,
    processes: ['api'],
    description:
      'allow `http://` identity providers outside development (a provider on the same machine in tests); otherwise only `https://` issuers',
  }),
  SSO_TIMEOUT_MS: variable(integer({ min: 100, max: 60_000 }), {
    area: 'sso',
    default: 5000,
    secret: false,
    processes: ['api'],
    description: "give-up time of each call to an agency's identity provider (discovery, keys, token endpoint)",
  }),
  SESSION_ABSOLUTE_TTL_SECONDS: variable(integer({ min: 60 }), {
    area: 'sign-in',
    default: 12 * 3600,
    secret: false,
    processes: ['api'],
    description: 'a session ends this long after its sign-in, however often it is refreshed',
  }),
  SECOND_FACTOR_EXEMPTIONS: variable(flag(), {
    area: 'sign-in',
    default: false,
    defaultText: '`0` (`1` under `npm start` and in the test run)',
    refusedInProduction: true,
    secret: false,
    processes: ['api', 'launcher'],
    description:
      'honour the exemption from the second factor that only the demo seed and the test factories give accounts; refused with NODE_ENV=production',
  }),
  WEBAUTHN_ORIGIN: variable(WEB_URL, {
    area: 'sign-in',
    default: 'http://localhost:3000',
    secret: false,
    processes: ['api'],
    description: "the console's origin, which passkeys are bound to",
  }),
  WEBAUTHN_RP_ID: variable(text(), {
    area: 'sign-in',
    defaultText: "WEBAUTHN_ORIGIN's host name",
    secret: false,
    processes: ['api'],
    description: "the relying party id of passkeys: the console's host name or a registrable suffix of it",
  }),

  AUDIT_SIGNING_KEY: variable(ed25519PrivateKey(), {
    area: 'audit',
    defaultText: 'none; development: no checkpoints; `npm start`: generated into `.data`',
    outsideDevelopment: { required: 'apps' },
    secret: true,
    processes: ['worker'],
    description:
      'signs the audit checkpoints, e.g. `openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`; the worker only',
  }),
  AUDIT_PUBLIC_KEY: variable(ed25519PublicKey(), {
    area: 'audit',
    defaultText: "none: the public key route and server-side verification answer 503; `npm start`: the generated key's",
    outsideDevelopment: { required: 'apps' },
    secret: false,
    processes: ['api'],
    description:
      "AUDIT_SIGNING_KEY's public half, served to auditors and checked against, e.g. `openssl pkey -pubout -outform DER | base64 -w0`",
  }),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: variable(integer({ min: 0, max: TIMER_MAX_SECONDS }), {
    area: 'audit',
    default: 60,
    secret: false,
    processes: ['worker'],
    description: 'how often the worker checkpoints new entries (0: never)',
  }),
  AUDIT_CHECKPOINT_MAX_ENTRIES: variable(integer({ min: 1 }), {
    area: 'audit',
    default: 250_000,
    secret: false,
    processes: ['worker'],
    description: 'largest checkpoint; a backlog is covered by several',
  }),
  AUDIT_WITNESS: variable(text(), {
    area: 'audit',
    default: '.data/audit-witness.jsonl',
    secret: false,
    processes: ['worker'],
    description:
      "the append-only witness outside the database that every signed checkpoint is published to: a file of JSON lines (fsync'd; relative to the working directory), or an `http://` or `https://` URL the worker POSTs each checkpoint to; `liaison-audit verify --witness` checks exports against it",
  }),
  AUDIT_WITNESS_TIMEOUT_MS: variable(integer({ min: 1, max: TIMER_MAX_MS }), {
    area: 'audit',
    default: 10_000,
    secret: false,
    processes: ['worker'],
    description:
      'per-attempt timeout of a POST to an HTTP witness; a failed publication is retried at every checkpoint interval',
  }),
  AUDIT_OVERSIGHT_AGENCY_IDS: variable(list(uuid()), {
    area: 'audit',
    default: [],
    secret: false,
    processes: ['api'],
    description: "agencies whose auditors oversee every agency's trail and statistics (oversight bodies)",
  }),

  LIAISON_MASTER_KEY: variable(base64Key(32), {
    area: 'personal-data',
    developmentDefault: DEVELOPMENT_MASTER_KEY,
    isDevelopmentValue: (value) => value.equals(DEVELOPMENT_MASTER_KEY),
    defaultText: 'none; development: a fixed key; `npm start`: generated into `.data`',
    outsideDevelopment: { required: 'apps' },
    secret: true,
    processes: ['api', 'worker', 'cli'],
    description: "wraps every person's data key; losing it loses every identity",
  }),
  LIAISON_PREVIOUS_MASTER_KEY: variable(list(base64Key(32)), {
    area: 'personal-data',
    default: [],
    secret: true,
    processes: ['api', 'worker', 'cli'],
    description: 'retired master keys still readable during `npm run db:rotate-master-key`',
  }),
  PERSON_RETENTION_YEARS: variable(integer({ min: 0 }), {
    area: 'personal-data',
    default: 10,
    secret: false,
    processes: ['api', 'worker'],
    description:
      "identities are purged this many years after their request's closure (0: never automatically); until then a supervisor's purge needs a second supervisor",
  }),
  PERSON_PURGE_PROPOSAL_DAYS: variable(integer({ min: 1, max: 90 }), {
    area: 'personal-data',
    default: 7,
    secret: false,
    processes: ['api'],
    description: "how long a supervisor's proposed purge waits for a second supervisor's confirmation",
  }),
  PERSON_RETENTION_CHECK_INTERVAL_SECONDS: variable(integer({ min: 0, max: TIMER_MAX_SECONDS }), {
    area: 'personal-data',
    default: 3600,
    secret: false,
    processes: ['worker'],
    description: 'how often the worker looks for identities past retention (0: never)',
  }),

  ATTACHMENT_MAX_BYTES: variable(integer({ min: 1 }), {
    area: 'attachments',
    default: 25 * 1024 * 1024,
    secret: false,
    processes: ['api'],
    description: 'largest upload accepted, in bytes',
  }),
  ATTACHMENTS_DIR: variable(text(), {
    area: 'attachments',
    default: '.data/attachments',
    secret: false,
    processes: ['api'],
    description: 'folder of the attachment store, relative to the working directory',
  }),

  OUTBOX_POLL_MS: variable(integer({ min: 1, max: TIMER_MAX_MS }), {
    area: 'notifications',
    default: 2000,
    secret: false,
    processes: ['worker'],
    description: "the relay's safety-net poll (PostgreSQL NOTIFY wakes it first)",
  }),
  OUTBOX_GATHER_MS: variable(integer({ min: 0, max: TIMER_MAX_MS }), {
    area: 'notifications',
    default: 0,
    secret: false,
    processes: ['worker'],
    description: 'how long a relay pass waits for more commits to join it: fewer, larger batches, but bursts of jobs',
  }),
  OUTBOX_BATCH_SIZE: variable(integer({ min: 1 }), {
    area: 'notifications',
    default: 200,
    secret: false,
    processes: ['worker'],
    description: 'outbox rows claimed per relay batch',
  }),
  OUTBOX_PUBLISH_TIMEOUT_MS: variable(integer({ min: 1, max: TIMER_MAX_MS }), {
    area: 'notifications',
    default: 5000,
    secret: false,
    processes: ['worker'],
    description: 'give-up time for Redis when publishing a batch (the rows wait for the next pass)',
  }),
  WORKER_LOCK_MS: variable(integer({ min: 1, max: TIMER_MAX_MS }), {
    area: 'notifications',
    default: 30_000,
    secret: false,
    processes: ['worker'],
    description: "job lock and stall detection: a dead worker's jobs run again after it",
  }),
  WORKER_CONCURRENCY: variable(integer({ min: 1 }), {
    area: 'notifications',
    default: 20,
    secret: false,
    processes: ['worker'],
    description: 'jobs in parallel per queue',
  }),
  DEADLINE_RECONCILE_MS: variable(integer({ min: 0, max: TIMER_MAX_MS }), {
    area: 'notifications',
    default: 60_000,
    secret: false,
    processes: ['worker'],
    description: 'how often pending deadlines are re-armed (0: only at start)',
  }),
  DEADLINE_REMINDERS: variable(reminderSchedule(), {
    area: 'notifications',
    default: { all: [3 * 86_400_000, 86_400_000], timers: {} },
    secret: false,
    processes: ['worker'],
    description:
      'when the side responsible for a deadline is reminded before it falls due: `*` for every timer, or per timer by name',
  }),

  SMTP_HOST: variable(text(), {
    area: 'email',
    defaultText: 'none: `.eml` files in MAIL_DIR outside production, no e-mail in production',
    secret: false,
    processes: ['worker', 'launcher'],
    description: 'SMTP server of outgoing e-mail',
  }),
  SMTP_PORT: variable(integer({ min: 1, max: 65535 }), {
    area: 'email',
    default: 587,
    secret: false,
    processes: ['worker', 'launcher'],
    description: 'SMTP port',
  }),
  SMTP_SECURE: variable(flag(), {
    area: 'email',
    default: false,
    secret: false,
    processes: ['worker'],
    description: 'TLS from the start (port 465); otherwise STARTTLS when offered',
  }),
  SMTP_USER: variable(text(), {
    area: 'email',
    secret: false,
    processes: ['worker'],
    description: 'SMTP user name (none: no authentication)',
  }),
  SMTP_PASSWORD: variable(text(), {
    area: 'email',
    secret: true,
    processes: ['worker'],
    description: 'SMTP password',
  }),
  SMTP_FROM: variable(text(), {
    area: 'email',
    default: 'Liaison <no-reply@liaison.example>',
    secret: false,
    processes: ['worker'],
    description: 'sender of every e-mail',
  }),
  MAIL_DIR: variable(text(), {
    area: 'email',
    default: '.data/mail',
    secret: false,
    processes: ['worker', 'launcher'],
    description: 'folder of the development `.eml` files, relative to the working directory',
  }),
  PUBLIC_URL: variable(WEB_URL, {
    area: 'email',
    default: 'http://localhost:3000',
    secret: false,
    processes: ['api', 'worker', 'cli'],
    description:
      'base of the links in e-mails and of the one `npm run admin:bootstrap` prints, and of the single sign-on redirect address (`<PUBLIC_URL>/v1/auth/sso/<agency id>/callback`) and the console the sign-in returns to',
  }),

  WEBHOOK_TIMEOUT_MS: variable(integer({ min: 1, max: TIMER_MAX_MS }), {
    area: 'webhooks',
    default: 10_000,
    secret: false,
    processes: ['worker'],
    description: 'per-attempt timeout',
  }),
  WEBHOOK_ATTEMPTS: variable(integer({ min: 1 }), {
    area: 'webhooks',
    default: 13,
    secret: false,
    processes: ['api', 'worker'],
    description: 'attempts per delivery; by default the last one is about 34 h after the first',
  }),
  WEBHOOK_BACKOFF_MS: variable(integer({ min: 0 }), {
    area: 'webhooks',
    default: 30_000,
    secret: false,
    processes: ['api', 'worker'],
    description: 'first retry delay, doubling (20 % jitter)',
  }),
  WEBHOOK_SECRET_OVERLAP_HOURS: variable(integer({ min: 0, max: 24 * 30 }), {
    area: 'webhooks',
    default: 24,
    secret: false,
    processes: ['api', 'worker'],
    description: 'after a secret rotation, deliveries are also signed with the old secret for this long',
  }),
  WEBHOOK_ALLOW_HTTP: variable(flag(), {
    area: 'webhooks',
    default: false,
    defaultText: '`0` (http allowed under LIAISON_DEVELOPMENT=1)',
    secret: false,
    processes: ['api'],
    description: 'allow `http://` endpoints outside development (partners on a private network)',
  }),
  WEBHOOK_ALLOWED_NETWORKS: variable(list(network()), {
    area: 'webhooks',
    default: [],
    secret: false,
    processes: ['api', 'worker'],
    description:
      'loopback or private networks webhooks may reach all the same (local receivers in development and tests); by default only public addresses',
  }),

  EMBEDDED_POSTGRES_PORT: variable(integer({ min: 1, max: 65535 }), {
    area: 'launcher',
    default: 54329,
    secret: false,
    processes: ['launcher'],
    description: "port of the launcher's embedded PostgreSQL (without DATABASE_URL)",
  }),
  LIAISON_DEMO_PASSWORD: variable(text(), {
    area: 'launcher',
    default: 'liaison-demo-2026',
    secret: true,
    processes: ['launcher', 'cli'],
    description: 'password of the demo accounts',
  }),
};

export type ConfigSchema = typeof CONFIG_SCHEMA;
export type VariableName = keyof ConfigSchema;

/** A variable's value once read: its type, or also undefined when it has no default. */
export type SettledValue<V> = V extends { readonly type: ValueType<infer T> }
  ? V extends { readonly default: unknown }
    ? T
    : V extends { readonly developmentDefault: unknown; readonly outsideDevelopment: { readonly required: 'always' } }
      ? T
      : T | undefined
  : never;

/** The variables of some areas, by name, as a loader reads them. */
export type Settings<A extends ConfigArea> = {
  readonly [K in VariableName as ConfigSchema[K]['area'] extends A ? K : never]: SettledValue<ConfigSchema[K]>;
};
