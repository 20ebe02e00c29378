import { noticeKind } from '../dispatch/notice-text';
import type { Notice } from '../queues/queue-names';

/** The JSON a partner receives: the change's references and states, never the request's content or persons. */
export interface WebhookEvent {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export function webhookEventOf(notice: Notice): WebhookEvent {
  const subject = {
    requestId: notice.requestId,
    reference: notice.reference,
    kind: notice.kind,
    requestingAgencyId: notice.requestingAgencyId,
    requestedAgencyId: notice.requestedAgencyId,
  };
  const data =
    notice.type === 'transition'
      ? { ...subject, event: notice.event, from: notice.from, to: notice.to, version: notice.version }
      : { ...subject, deadlineId: notice.deadlineId, deadline: notice.timer, dueAt: notice.dueAt, state: notice.state };
  return { id: notice.key, type: noticeKind(notice), occurredAt: notice.occurredAt, data };
}
