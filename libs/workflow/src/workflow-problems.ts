import type { TransitionRefusal } from '@liaison/domain';
import { conflict, forbidden, type StaleVersionDetail } from '@liaison/platform';

/** The problem types of transitions, by the last segment of their `type` URI (`…/problems/<type>`). */
export const WORKFLOW_PROBLEMS = {
  transitionRefused: { type: 'transition-refused', title: 'Transition refused' },
} as const;

/** 403: the caller may not act on the request at all (the refusal's message says why). */
export const mayNotAct = (refusal: TransitionRefusal) => forbidden(refusal.message);

/** 409: another transaction holds the request, or a deadlock was broken: the caller lost a race. */
export const requestBusy = () => conflict('Another change to this request is in progress. Reload it and try again.');

/** The detail of the 412 when the caller's `If-Match` names a version that is no longer current. */
export const versionChanged: StaleVersionDetail = ({ expected, current }) =>
  `The request is at version ${current}, not ${expected}: someone changed it since you loaded it. Reload it.`;
