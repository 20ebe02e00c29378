export { ASSISTANCE_TYPES, ASSISTANCE_TYPE_WORDING, type AssistanceType } from './assistance-type';
export { internalStates, isInternalState } from './internal-states';
export { allowedEvents } from './allowed-events';
export { completenessItems, missingForSubmission, type CompletenessItem } from './completeness';
export { decideTransition } from './decide-transition';
export {
  describeWorkflow,
  type EventDescription,
  type StateDescription,
  type TargetDescription,
  type TimerDescription,
  type WorkflowDescription,
} from './describe-workflow';
export { addDuration, formatDuration, type Duration } from './duration';
export {
  HANDLING_CODES,
  HANDLING_CODE_MEANINGS,
  isHandlingCode,
  needsPermissionToShareOnward,
  parseHandling,
  type Handling,
  type HandlingCode,
  type HandlingParse,
} from './handling-code';
export { isLanguageCode, languageWarning, normalizeLanguageCode, type LanguageCode } from './language';
export { deadlineOverride, type DeadlineOverride, type LegalBasis } from './legal-basis';
export { findLegalBasis, LEGAL_BASES } from './legal-bases';
export type { NotificationReason, NotifyEffect, Recipient } from './notifications';
export {
  checkPayload,
  parsePayloadDate,
  type DateRule,
  type FieldProblem,
  type Payload,
  type PayloadField,
} from './payload';
export { contentWithPersonFacts, personFacts, type PersonFact } from './person-facts';
export { formatReference, parseReference, type RequestReference } from './reference';
export { renderMermaid } from './render-mermaid';
export { renderWorkflowDocument, WORKFLOW_DOCUMENTS_DIRECTORY, workflowDocumentPath } from './render-workflow-document';
export { CONSENT_STATUSES, type ConsentStatus, type RequestContent } from './request-content';
export { URGENCIES, victimIsChild, type RequestFacts, type Urgency } from './request-facts';
export { isRequestKind, REQUEST_KINDS, REQUEST_KIND_TITLES, type RequestKind } from './request-kind';
export { isSide, otherSide, sideName, SIDES, type Side } from './side';
export { resolveDeadline, timeRemaining, type ResolvedDeadline, type TimerEffect, type TimerState } from './timers';
export {
  REFUSAL_REASONS,
  type RefusalReason,
  type TransitionAcceptance,
  type TransitionDecision,
  type TransitionRefusal,
  type WorkflowEffect,
} from './transition-decision';
export {
  STATE_GROUP_LABELS,
  STATE_GROUPS,
  type Condition,
  type EffectRule,
  type Guard,
  type NotAGround,
  type RefusalGround,
  type SideRule,
  type StateGroup,
  type TimerActions,
  type WorkflowDefinition,
} from './workflow-definition';
export type { TransitionContext, WorkflowEvent, WorkflowPosition, WorkflowSnapshot } from './workflow-snapshot';
export { workflowOf } from './workflows';
