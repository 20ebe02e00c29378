export { ASSISTANCE_TYPES, ASSISTANCE_TYPE_WORDING, type AssistanceType } from './assistance-type';
export {
  endedUnsentTriples,
  finalStatePairs,
  internalStatePairs,
  internalStates,
  isEventBeyondRequestingSide,
  isInternalState,
  isKnownToRequestingSideAlone,
} from './internal-states';
export { allowedEvents } from './allowed-events';
export { nextSteps, statesWaitingOn, type NextStep } from './next-steps';
export { missingForSubmission, type CompletenessItem } from './completeness';
export { decideTransition } from './decide-transition';
export { describeWorkflow, type EventDescription, type WorkflowDescription } from './describe-workflow';
export { formatDuration } from './duration';
export { forwardRefusal, type ForwardTarget } from './forward-target';
export {
  HANDLING_CODES,
  HANDLING_CODE_MEANINGS,
  isHandlingCode,
  needsPermissionToShareOnward,
  parseHandling,
  storedHandling,
  type Handling,
  type HandlingCode,
} from './handling-code';
export { languageWarning } from './language';
export { findLegalBasis, LEGAL_BASES } from './legal-bases';
export { checkPayload, type FieldProblem, type PayloadField } from './payload';
export { contentWithPersonFacts, type PersonFact } from './person-facts';
export { formatReference } from './reference';
export { renderWorkflowDocument, workflowDocumentPath } from './render-workflow-document';
export { CONSENT_STATUSES, type ConsentStatus, type RequestContent } from './request-content';
export { URGENCIES, type RequestFacts, type Urgency } from './request-facts';
export { isRequestKind, REQUEST_KINDS, type RequestKind } from './request-kind';
export { SIDES, type Side } from './side';
export { resolveDeadline, type TimerState } from './timers';
export type { TransitionAcceptance, TransitionRefusal, WorkflowEffect } from './transition-decision';
export type { WorkflowDefinition } from './workflow-definition';
export type { WorkflowPosition, WorkflowSnapshot } from './workflow-snapshot';
export { workflowOf } from './workflows';
