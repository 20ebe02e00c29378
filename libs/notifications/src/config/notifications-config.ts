import type { Env, NodeEnvironment, ReminderSchedule } from '@liaison/platform';
import { readSettings } from '@liaison/platform';

/** Settings of the relay and the channels, from the platform's configuration schema. Defaults suit development. */
export interface NotificationsConfig {
  nodeEnv: NodeEnvironment;
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
  webhooks: {
    timeoutMs: number;
    attempts: number;
    backoffMs: number;
    allowHttp: boolean;
    /** Non-public networks (CIDR) endpoints may still point at: local receivers. */
    allowedNetworks: readonly string[];
    /** How long a rotated endpoint's old secret still signs its deliveries, beside the new one. */
    secretOverlapMs: number;
  };
  /** `reminders`: how long before a deadline its responsible side is reminded, for every timer or by name. */
  deadlines: { reconcileMs: number; reminders: ReminderSchedule };
  /** Links in e-mails point here. */
  publicUrl: string;
  /** The worker serves its Prometheus metrics on this port (0: not served), listening on `host`. */
  metrics: { port: number; host: string };
}

export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

export function loadNotificationsConfig(env?: Env): NotificationsConfig {
  const settings = readSettings(['general', 'notifications', 'email', 'webhooks', 'metrics'], env);
  return {
    nodeEnv: settings.NODE_ENV,
    relay: {
      pollMs: settings.OUTBOX_POLL_MS,
      gatherMs: settings.OUTBOX_GATHER_MS,
      batchSize: settings.OUTBOX_BATCH_SIZE,
      publishTimeoutMs: settings.OUTBOX_PUBLISH_TIMEOUT_MS,
    },
    worker: { lockMs: settings.WORKER_LOCK_MS, concurrency: settings.WORKER_CONCURRENCY },
    smtp: {
      host: settings.SMTP_HOST ?? null,
      port: settings.SMTP_PORT,
      secure: settings.SMTP_SECURE,
      user: settings.SMTP_USER ?? null,
      password: settings.SMTP_PASSWORD ?? null,
      from: settings.SMTP_FROM,
    },
    mailDirectory: settings.MAIL_DIR,
    webhooks: {
      timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
      // 13 attempts, first retry after 30 s, doubling: the last one is about 34 h after the first (≥ 24 h).
      attempts: settings.WEBHOOK_ATTEMPTS,
      backoffMs: settings.WEBHOOK_BACKOFF_MS,
      allowHttp: settings.LIAISON_DEVELOPMENT || settings.WEBHOOK_ALLOW_HTTP,
      allowedNetworks: settings.WEBHOOK_ALLOWED_NETWORKS,
      secretOverlapMs: settings.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000,
    },
    deadlines: { reconcileMs: settings.DEADLINE_RECONCILE_MS, reminders: settings.DEADLINE_REMINDERS },
    publicUrl: settings.PUBLIC_URL.replace(/\/$/, ''),
    metrics: { port: settings.WORKER_METRICS_PORT, host: settings.METRICS_HOST },
  };
}
