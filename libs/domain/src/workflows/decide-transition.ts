import { missingForSubmission } from './completeness';
import { languageWarning } from './language';
import { notificationsFor } from './notifications';
import { checkPayload, parsePayloadDate, type Payload } from './payload';
import { victimIsChild, type RequestFacts } from './request-facts';
import type { RequestKind } from './request-kind';
import { sideName, type Side } from './side';
import { changeClocks } from './timers';
import type { RefusalReason, TransitionDecision, TransitionRefusal, WorkflowEffect } from './transition-decision';
import type { Condition, TransitionDefinition, WorkflowDefinition } from './workflow-definition';
import { expandFrom, isFinal, isState, transitionOf } from './workflow-queries';
import { workflowOf } from './workflows';
import type { TransitionContext, WorkflowEvent, WorkflowPosition, WorkflowSnapshot } from './workflow-snapshot';

type Transition = TransitionDefinition<string, string>;

/** One event under examination. */
interface Attempt {
  workflow: WorkflowDefinition;
  transition: Transition;
  event: string;
  payload: Payload;
  snapshot: WorkflowSnapshot;
  context: TransitionContext;
}

const BEST_INTERESTS_SOURCE =
  'CRC Art. 3; Palermo Protocol Art. 6(4); CoE Convention on Action against Trafficking Art. 16(7)';

/**
 * Decides one event on a request: pure, so the write path can call it inside its transaction. Checks, in
 * order, the state, the sender's side and role, the payload and the guards, then returns the next position,
 * the clocks and the effects; or the first rule that refuses it.
 */
export function decideTransition(
  kind: RequestKind,
  snapshot: WorkflowSnapshot,
  event: WorkflowEvent,
  context: TransitionContext,
): TransitionDecision {
  const workflow = workflowOf(kind);
  if (!isState(workflow, snapshot.state)) {
    return refusal('INVALID_SNAPSHOT', `${snapshot.state} is not a state of the ${kind} workflow`);
  }
  const transition = transitionOf(workflow, event.type);
  if (!transition) return refusal('UNKNOWN_EVENT', `${event.type} is not an event of the ${kind} workflow`);
  const attempt: Attempt = { workflow, transition, event: event.type, payload: event.payload ?? {}, snapshot, context };
  const refused =
    checkState(attempt) ?? checkSide(attempt) ?? checkRole(attempt) ?? checkPayloadOf(attempt) ?? checkGuards(attempt);
  if (refused) return refused;
  const target = resolveTarget(attempt);
  if (typeof target !== 'string') return target;
  const next = nextPosition(attempt, target);
  return checkBestInterests(attempt, next) ?? accept(attempt, next);
}

function refusal(reason: RefusalReason, message: string, details: Partial<TransitionRefusal> = {}): TransitionRefusal {
  return { ok: false, reason, message, ...details };
}

function checkState({ workflow, transition, event, snapshot }: Attempt): TransitionRefusal | undefined {
  const allowed = expandFrom(workflow, transition.from);
  if (allowed.includes(snapshot.state)) return undefined;
  if (isFinal(workflow, snapshot.state)) {
    return refusal('WRONG_STATE', `The request is ${snapshot.state}: it takes no further events`);
  }
  return refusal('WRONG_STATE', `${event} is not possible in ${snapshot.state}, only in ${allowed.join(', ')}`);
}

function checkSide({ workflow, transition, event, snapshot, context }: Attempt): TransitionRefusal | undefined {
  const named = (side: Side) => sideName(workflow.kind, side);
  if (transition.side === 'either') return undefined;
  if (transition.side === 'holding') {
    if (!snapshot.heldBySide)
      return refusal('INVALID_SNAPSHOT', `The request is ${snapshot.state} but nobody holds it`);
    return snapshot.heldBySide === context.side
      ? undefined
      : refusal('WRONG_SIDE', `Only the ${named(snapshot.heldBySide)} side, which halted the request, may ${event} it`);
  }
  return transition.side === context.side
    ? undefined
    : refusal(
        'WRONG_SIDE',
        `Only the ${named(transition.side)} side may ${event}, not the ${named(context.side)} side`,
      );
}

function checkRole({ transition, event, context }: Attempt): TransitionRefusal | undefined {
  if (transition.roles.some((role) => context.roles.includes(role))) return undefined;
  return refusal('WRONG_ROLE', `Only a ${transition.roles.join(' or ')} may ${event}`);
}

function checkPayloadOf({ transition, event, payload, context }: Attempt): TransitionRefusal | undefined {
  const problems = checkPayload(transition.payload ?? [], payload, context.now);
  if (problems.length === 0) return undefined;
  const reason = problems.some((problem) => problem.problem === 'missing') ? 'MISSING_PAYLOAD' : 'INVALID_PAYLOAD';
  const details = problems.map((problem) => problem.message).join('; ');
  return refusal(reason, `${event} cannot be recorded: ${details}`, { fields: problems });
}

function checkGuards({ workflow, transition, event, snapshot }: Attempt): TransitionRefusal | undefined {
  for (const guard of transition.guards ?? []) {
    if (guard === 'request_complete') {
      const missing = missingForSubmission(workflow.kind, snapshot.facts.content);
      if (missing.length > 0) {
        const list = missing.map((item) => `${item.wording} (${item.source})`).join('; ');
        return refusal('INCOMPLETE_REQUEST', `The request cannot be sent yet; it lacks: ${list}`, { missing });
      }
    }
    if (guard === 'urgent' && snapshot.facts.urgency !== 'urgent') {
      return refusal('NOT_URGENT', `${event} is for urgent cases (UNTOC Art. 16(9)): mark the request urgent first`);
    }
  }
  return undefined;
}

/** The state the event leads to, or a refusal when the snapshot cannot say (no previous state). */
function resolveTarget({ workflow, transition, payload, snapshot }: Attempt): string | TransitionRefusal {
  const { to } = transition;
  if (typeof to === 'string') return to;
  if ('previous' in to) {
    const previous = snapshot.previousState;
    return previous && isState(workflow, previous) && !isFinal(workflow, previous)
      ? previous
      : refusal('INVALID_SNAPSHOT', `The request has no previous state to return to from ${snapshot.state}`);
  }
  return to.branches.find((branch) => holds(branch.when, payload, snapshot.facts))?.to ?? to.otherwise;
}

function holds(condition: Condition, payload: Payload, facts: RequestFacts): boolean {
  return 'payload' in condition
    ? payload[condition.payload] === condition.equals
    : victimIsChild(facts) === condition.equals;
}

function nextPosition({ workflow, transition, payload, snapshot, context }: Attempt, state: string): WorkflowPosition {
  const held = workflow.states[state].heldByEnteringSide ? { heldBySide: context.side } : {};
  const remembered = transition.remember ? payload[transition.remember.bestInterestsOutcome] : undefined;
  const bestInterestsOutcome = typeof remembered === 'string' ? remembered : snapshot.bestInterestsOutcome;
  return { state, previousState: snapshot.state, ...held, ...(bestInterestsOutcome && { bestInterestsOutcome }) };
}

/** No child reaches the return path without a determination that return is in their best interests. */
function checkBestInterests({ workflow, snapshot }: Attempt, next: WorkflowPosition): TransitionRefusal | undefined {
  const guarded = workflow.states[next.state].childNeedsBestInterests === true;
  if (!guarded || !victimIsChild(snapshot.facts) || next.bestInterestsOutcome === 'return') return undefined;
  return refusal(
    'BEST_INTERESTS_REQUIRED',
    `A child cannot reach ${next.state} without a best-interests determination in favour of return (${BEST_INTERESTS_SOURCE})`,
  );
}

function accept(attempt: Attempt, next: WorkflowPosition): TransitionDecision {
  const { workflow, transition, event, payload, snapshot, context } = attempt;
  const clocks = changeClocks(snapshot.timers, transition.timers, {
    workflow,
    facts: snapshot.facts,
    now: context.now,
    anchor: anchorOf(transition, payload) ?? context.now,
    final: isFinal(workflow, next.state),
  });
  const notifications = notificationsFor({
    workflow,
    transition,
    event,
    from: snapshot.state,
    to: next.state,
    actorSide: context.side,
    taskForceLinked: snapshot.facts.taskForceLinked === true,
  });
  const [before, after] = ruleEffects(transition, payload);
  return {
    ok: true,
    event,
    from: snapshot.state,
    nextState: next.state,
    next,
    timers: clocks.timers,
    effects: [...before, ...clocks.effects, ...notifications, ...after],
    warnings: warningsFor(transition, snapshot.facts),
  };
}

function anchorOf(transition: Transition, payload: Payload): Date | undefined {
  const field = transition.timers?.anchor;
  return field ? parsePayloadDate(payload[field]) : undefined;
}

/** The transition's own effects: those the notifications depend on come first, offers last. */
function ruleEffects(transition: Transition, payload: Payload): [WorkflowEffect[], WorkflowEffect[]] {
  const before: WorkflowEffect[] = [];
  const after: WorkflowEffect[] = [];
  for (const rule of transition.effects ?? []) {
    if (rule.type === 'reassign_requested_agency') {
      before.push({ type: rule.type, agencyId: String(payload[rule.agencyField]), source: rule.source });
    } else if (asList(payload.grounds).includes(rule.whenGround)) {
      after.push({ type: rule.type, source: rule.source });
    }
  }
  return [before, after];
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function warningsFor(transition: Transition, facts: RequestFacts): string[] {
  const warnings = (transition.warnings ?? []).map(() =>
    languageWarning(facts.content.language, facts.requestedAgencyLanguages),
  );
  return warnings.filter((warning): warning is string => warning !== undefined);
}
