import { ProblemException } from '@liaison/platform';
import type { TransitionRefusal } from '@liaison/domain';
import { WORKFLOW_PROBLEMS } from './workflow-problems';

/** 422: the rules refuse the event (it has been recorded in the trail all the same). */
export class TransitionRefusedException extends ProblemException {
  constructor(event: string, refusal: TransitionRefusal) {
    super(422, WORKFLOW_PROBLEMS.transitionRefused.type, refusal.message, {
      title: WORKFLOW_PROBLEMS.transitionRefused.title,
      event,
      reason: refusal.reason,
      ...(refusal.fields ? { fields: refusal.fields } : {}),
      ...(refusal.missing ? { missing: refusal.missing } : {}),
    });
  }
}
