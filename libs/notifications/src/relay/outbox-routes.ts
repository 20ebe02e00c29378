import { ACCOUNT_NOTICE_TOPIC } from '../email/account-notices';
import type {
  AccountLinkJobData,
  ChannelJobData,
  DeadlineSyncJobData,
  Notice,
  NoticeRecipient,
} from '../queues/queue-names';
import type { OutboxRow } from './outbox-row';

export const TIMER_TOPICS = ['start_timer', 'stop_timer', 'pause_timer', 'resume_timer'];
/** Written by the deadline worker when a deadline passes: escalate to the responsible side's supervisors. */
export const DEADLINE_OVERDUE_TOPIC = 'deadline_overdue';
/** Written with an invitation or reset link: its e-mail. */
export const ACCOUNT_LINK_TOPIC = 'account_link';
/** Written by the deadline worker some time before a deadline: remind the responsible side. */
export const DEADLINE_REMINDER_TOPIC = 'deadline_reminder';
export const NOTICE_TOPICS = ['notify', DEADLINE_OVERDUE_TOPIC, DEADLINE_REMINDER_TOPIC];

/**
 * What one outbox row asks for: a notice to fan out to its recipients, a request's deadlines to bring in line with
 * its clocks, an account link's or an account notice's e-mail, or nothing (reassign_requested_agency, offer_domestic_prosecution: applied or shown where they were
 * decided).
 */
export type OutboxRoute =
  | { notice: Notice }
  | { deadlineSync: DeadlineSyncJobData }
  | { accountLink: AccountLinkJobData }
  | { accountNotice: ChannelJobData }
  | null;

export function routeOf(row: OutboxRow): OutboxRoute {
  if (NOTICE_TOPICS.includes(row.topic)) return { notice: noticeOf(row) };
  if (row.topic === ACCOUNT_LINK_TOPIC) return { accountLink: { linkId: String(row.payload['linkId']) } };
  if (TIMER_TOPICS.includes(row.topic) && row.request_id) return { deadlineSync: syncOf(row.request_id, row.payload) };
  if (row.topic === ACCOUNT_NOTICE_TOPIC)
    return { accountNotice: { outboxId: row.id, userId: String(row.payload['userId']) } };
  return null;
}

export function noticeOf(row: OutboxRow): Notice {
  const payload = row.payload as Record<string, never>;
  const effect = payload['effect'] as { recipient: NoticeRecipient; reason: string };
  const subject = {
    outboxId: row.id,
    requestId: payload['requestId'],
    reference: payload['reference'],
    kind: payload['kind'],
    requestingAgencyId: payload['requestingAgencyId'],
    requestedAgencyId: payload['requestedAgencyId'],
    recipient: effect.recipient,
    reason: effect.reason,
    occurredAt: new Date(row.created_at).toISOString(),
  };
  if (row.topic === DEADLINE_REMINDER_TOPIC) {
    return {
      ...subject,
      type: 'deadline_reminder',
      key: `deadline-${payload['deadlineId']}-${payload['dueAt']}-reminder-${payload['beforeMs']}-${effect.recipient.type === 'party' ? effect.recipient.role : ''}`,
      deadlineId: payload['deadlineId'],
      timer: payload['timer'],
      dueAt: payload['dueAt'],
      state: payload['state'],
      beforeMs: payload['beforeMs'],
    };
  }
  if (row.topic === DEADLINE_OVERDUE_TOPIC) {
    return {
      ...subject,
      type: 'deadline_overdue',
      key: `deadline-${payload['deadlineId']}`,
      deadlineId: payload['deadlineId'],
      timer: payload['timer'],
      dueAt: payload['dueAt'],
      state: payload['state'],
    };
  }
  return {
    ...subject,
    type: 'transition',
    key: `transition-${payload['historyId']}`,
    event: payload['event'],
    from: payload['from'],
    to: payload['to'],
    version: payload['version'],
  };
}

function syncOf(requestId: string, payload: Record<string, unknown>): DeadlineSyncJobData {
  const effect = payload['effect'] as { type: string; timer: string; source?: string };
  return effect.type === 'start_timer' && effect.source
    ? { requestId, started: { timer: effect.timer, source: effect.source } }
    : { requestId };
}
