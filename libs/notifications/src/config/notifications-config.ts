/** Settings of the relay and the channels, read once from the environment. Defaults suit development. */
export interface NotificationsConfig {
  nodeEnv: string;
  relay: { pollMs: number; gatherMs: number; batchSize: number; publishTimeoutMs: number };
  worker: { lockMs: number; concurrency: number };
  smtp: {
    host: string | null;
    port: number;
    secure: boolean;
    user: string | null;
    password: string | null;
    from: string;
  };
  /** Where e-mails are written as .eml files when no SMTP host is set (outside production). */
  mailDirectory: string;
  webhooks: { timeoutMs: number; attempts: number; backoffMs: number; allowHttp: boolean };
  deadlines: { reconcileMs: number };
  /** Links in e-mails point here. */
  publicUrl: string;
  /** The worker serves its Prometheus metrics on this port (0: not served). */
  workerMetricsPort: number;
}

export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

type Env = Record<string, string | undefined>;

export function loadNotificationsConfig(env: Env = process.env): NotificationsConfig {
  const nodeEnv = env['NODE_ENV'] ?? 'development';
  return {
    nodeEnv,
    relay: {
      pollMs: int(env, 'OUTBOX_POLL_MS', 2000),
      gatherMs: int(env, 'OUTBOX_GATHER_MS', 0),
      batchSize: int(env, 'OUTBOX_BATCH_SIZE', 200),
      publishTimeoutMs: int(env, 'OUTBOX_PUBLISH_TIMEOUT_MS', 5000),
    },
    worker: { lockMs: int(env, 'WORKER_LOCK_MS', 30_000), concurrency: int(env, 'WORKER_CONCURRENCY', 20) },
    smtp: {
      host: env['SMTP_HOST'] || null,
      port: int(env, 'SMTP_PORT', 587),
      secure: env['SMTP_SECURE'] === '1',
      user: env['SMTP_USER'] || null,
      password: env['SMTP_PASSWORD'] || null,
      from: env['SMTP_FROM'] ?? 'Liaison <no-reply@liaison.example>',
    },
    mailDirectory: env['MAIL_DIR'] ?? '.data/mail',
    webhooks: {
      timeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
      // 13 attempts, first retry after 30 s, doubling: the last one is about 34 h after the first (≥ 24 h).
      attempts: int(env, 'WEBHOOK_ATTEMPTS', 13),
      backoffMs: int(env, 'WEBHOOK_BACKOFF_MS', 30_000),
      allowHttp: nodeEnv !== 'production' || env['WEBHOOK_ALLOW_HTTP'] === '1',
    },
    deadlines: { reconcileMs: int(env, 'DEADLINE_RECONCILE_MS', 60_000) },
    publicUrl: (env['PUBLIC_URL'] ?? 'http://localhost:3000').replace(/\/$/, ''),
    workerMetricsPort: int(env, 'WORKER_METRICS_PORT', 0),
  };
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}
