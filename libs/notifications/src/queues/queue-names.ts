/**
 * Queue names, job names and each job's payload: one place, shared by producers and processors. Jobs carry ids
 * only: whoever can write to Redis can add a job, so a processor rebuilds what it sends (a webhook's body, an
 * e-mail's text and address) from PostgreSQL and drops a job whose ids do not name a committed change.
 */
import { isUUID } from 'class-validator';

export const NOTIFICATIONS_QUEUE = 'notifications';
export const INBOX_QUEUE = 'inbox';
export const EMAIL_QUEUE = 'email';
export const WEBHOOKS_QUEUE = 'webhooks';
export const DEADLINES_QUEUE = 'deadlines';

export const QUEUE_NAMES = [NOTIFICATIONS_QUEUE, INBOX_QUEUE, EMAIL_QUEUE, WEBHOOKS_QUEUE, DEADLINES_QUEUE] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Whether a job's id field is a uuid: a job added by hand may carry anything, or nothing, there. */
export function isJobId(value: unknown): value is string {
  return typeof value === 'string' && isUUID(value);
}

export const NotificationJob = {
  /** A new user's first in-app notice. */
  Welcome: 'welcome',
  /** One relayed `notify` or `deadline_overdue` outbox row: resolve its recipients, queue each channel's job. */
  Dispatch: 'dispatch',
} as const;

export const InboxJob = { Deliver: 'deliver' } as const;
export const EmailJob = {
  /** One user's e-mail of a notice about a request. */
  Send: 'send',
  /** One user's e-mail of an account notice (`account_notice` outbox row): a change to their own account. */
  Account: 'account',
  /** An invitation or password reset link: its own e-mail, to its user only. */
  AccountLink: 'account-link',
} as const;
export const WebhookJob = { Deliver: 'deliver' } as const;
export const DeadlineJob = {
  /** A timer outbox row: bring the request's deadline rows in line with its clocks. */
  Sync: 'sync',
  /** A deadline's due time: mark it overdue and escalate if it still applies. */
  Fire: 'fire',
  /** Some time before a deadline: remind its responsible side, if it still applies. */
  Remind: 'remind',
} as const;

export interface WelcomeJobData {
  userId: string;
}

/** What a notice is about: references and states only (never the request's content or persons). */
export interface NoticeSubject {
  requestId: string;
  reference: string;
  kind: string;
  requestingAgencyId: string;
  requestedAgencyId: string;
}

/** Who the notice is for, as the workflow names them. */
export type NoticeRecipient =
  | { type: 'party'; side: 'requesting' | 'requested'; role: 'OFFICER' | 'SUPERVISOR' }
  | { type: 'task_force' }
  | { type: 'filer' };

export type Notice = NoticeSubject & {
  /** The outbox row the notice was read from: what a channel's job names. */
  outboxId: string;
  /** Identifies the change: one inbox entry and one e-mail per user, one webhook per endpoint. */
  key: string;
  recipient: NoticeRecipient;
  /** `counterpart`, `task_force`, `decision_owed`, `outcome` (from the workflow) or `deadline_overdue`. */
  reason: string;
  occurredAt: string;
} & (
    | { type: 'transition'; event: string; from: string; to: string; version: number }
    | { type: 'deadline_overdue'; deadlineId: string; timer: string; dueAt: string; state: string }
    | { type: 'deadline_reminder'; deadlineId: string; timer: string; dueAt: string; state: string; beforeMs: number }
  );

/** A relayed `notify` or `deadline_overdue` outbox row to fan out. */
export interface DispatchJobData {
  outboxId: string;
}

/** One user's in-app entry or e-mail of one notice: the user must be among the notice's recipients. */
export interface ChannelJobData {
  outboxId: string;
  userId: string;
}

/** An account link's e-mail: the link names its user and sealed token. */
export interface AccountLinkJobData {
  linkId: string;
}

/**
 * A delivery's job: a first delivery names its outbox row and endpoint, and writes the delivery row with the event
 * rebuilt from them (its id must be the one derived from that event and endpoint); a replay names an existing row.
 */
export interface WebhookJobData {
  deliveryId: string;
  outboxId?: string;
  endpointId?: string;
}

export interface DeadlineSyncJobData {
  requestId: string;
  /** The legal source of a clock this change started, when it started one. */
  started?: { timer: string; source: string };
}

export interface DeadlineFireJobData {
  deadlineId: string;
  /** The due time the job was armed for: a resumed or restarted clock arms a new job. */
  dueAt: string;
}

/** A reminder `beforeMs` ahead of the due time the job was armed for. */
export interface DeadlineRemindJobData extends DeadlineFireJobData {
  beforeMs: number;
}
