import { decideTransition } from './decide-transition';
import type { RefusalReason } from './transition-decision';
import type { RequestKind } from './request-kind';
import { eventNames } from './workflow-queries';
import { workflowOf } from './workflows';
import type { TransitionContext, WorkflowSnapshot } from './workflow-snapshot';

/** Refusals that mean "not yours to send now"; any other (missing payload, incomplete) is a form to fill in. */
const NOT_OFFERED: ReadonlySet<RefusalReason> = new Set([
  'UNKNOWN_EVENT',
  'INVALID_SNAPSHOT',
  'WRONG_STATE',
  'WRONG_SIDE',
  'WRONG_ROLE',
]);

/** The events this sender may send from the request's current state: the buttons a client shows. */
export function allowedEvents(kind: RequestKind, snapshot: WorkflowSnapshot, context: TransitionContext): string[] {
  return eventNames(workflowOf(kind)).filter((event) => {
    const decision = decideTransition(kind, snapshot, { type: event, payload: {} }, context);
    return decision.ok || !NOT_OFFERED.has(decision.reason);
  });
}
