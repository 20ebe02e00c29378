import type { WorkflowEffect } from '@liaison/domain';
import type { OutboxEntry } from '@liaison/notifications';

/** What an outbox row says about its request. */
export interface OutboxSubject {
  id: string;
  reference: string;
  kind: string;
  requestingAgency: { id: string };
  requestedAgency: { id: string };
}

/**
 * One outbox row per effect, in the decision's order. Each carries the request's references and states only:
 * whoever delivers it reads nothing personal from it.
 */
export function outboxEntriesFor(
  request: OutboxSubject,
  transition: { event: string; from: string; to: string; version: number; historyId: string },
  effects: WorkflowEffect[],
): OutboxEntry[] {
  const about = {
    requestId: request.id,
    reference: request.reference,
    kind: request.kind,
    requestingAgencyId: request.requestingAgency.id,
    requestedAgencyId: request.requestedAgency.id,
    ...transition,
  };
  return effects.map((effect) => ({
    topic: effect.type,
    requestId: request.id,
    payload: { ...about, effect: serialisable(effect) },
  }));
}

function serialisable(effect: WorkflowEffect): Record<string, unknown> {
  return JSON.parse(JSON.stringify(effect)) as Record<string, unknown>;
}
