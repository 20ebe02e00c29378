import type { Role } from '../../access/role';
import { decideTransition } from '../decide-transition';
import type { Payload, PayloadField } from '../payload';
import type { RequestContent } from '../request-content';
import type { RequestFacts } from '../request-facts';
import type { RequestKind } from '../request-kind';
import type { Side } from '../side';
import type { TransitionDecision, TransitionAcceptance } from '../transition-decision';
import { workflowOf } from '../workflows';
import type { WorkflowSnapshot } from '../workflow-snapshot';

/** Test helpers for the workflow specs: a fixed clock, complete requests and valid payloads. */
export const NOW = new Date('2026-03-02T09:00:00Z');
export const DAY_MS = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number): Date => new Date(NOW.getTime() + days * DAY_MS);
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

const COMMON_CONTENT: RequestContent = {
  requestingAuthority: 'Public Prosecutor, Country A',
  subjectMatter: 'Trafficking in persons for forced labour',
  proceedingsNature: 'Criminal investigation',
  conductingAuthority: 'Investigating judge, Court of Country A',
  summaryOfFacts: 'Workers were recruited with false job offers and held in debt bondage.',
  assistanceSought: 'Bank records of the recruitment agency',
  assistanceTypes: ['documents_and_records'],
  personsConcerned: 2,
  purpose: 'Evidence of the financial flows',
  language: 'en',
};

export const COMPLETE_CONTENT: Readonly<Record<RequestKind, RequestContent>> = {
  mla: COMMON_CONTENT,
  extradition: {
    ...COMMON_CONTENT,
    personSoughtIdentified: true,
    warrantOrJudgmentReference: 'Warrant 2026/17 of the Court of Country A',
    offenceLegalText: 'Criminal Code of Country A, Art. 210 (trafficking in human beings)',
    penalty: 'Up to 12 years of imprisonment',
  },
  repatriation: {
    ...COMMON_CONTENT,
    victimIdentified: true,
    victimStatedNationality: 'MD',
    victimIsChild: false,
    consentStatus: 'given',
    victimWishesToReturn: true,
    pendingProceedings: { exist: false },
  },
};

export type FactsOverrides = Partial<Omit<RequestFacts, 'content'>> & { content?: Partial<RequestContent> };

/** A complete request of the kind; `content` overrides are merged field by field (`undefined` removes one). */
export function factsFor(kind: RequestKind, overrides: FactsOverrides = {}): RequestFacts {
  return { urgency: 'normal', ...overrides, content: { ...COMPLETE_CONTENT[kind], ...overrides.content } };
}

export function snapshotIn(
  kind: RequestKind,
  state: string,
  overrides: Partial<Omit<WorkflowSnapshot, 'facts'>> & { facts?: FactsOverrides } = {},
): WorkflowSnapshot {
  const { facts, ...rest } = overrides;
  return { state, timers: [], ...rest, facts: factsFor(kind, facts) };
}

/** A payload that satisfies every field of the event, the dates on the right side of `NOW`. */
export function validPayload(kind: RequestKind, event: string): Payload {
  const fields = workflowOf(kind).events[event]?.payload ?? [];
  return Object.fromEntries(fields.map((field) => [field.name, validValue(field)]));
}

function validValue(field: PayloadField): unknown {
  switch (field.type) {
    case 'text':
      return `Some ${field.name}`;
    case 'reference':
      return `${field.name}-1`;
    case 'references':
      return ['attachment-1'];
    case 'confirmation':
      return true;
    case 'choice':
      return field.options[0];
    case 'choices':
      return [field.options[0]];
    case 'date':
      return isoDay(field.when === 'not_future' ? daysFromNow(-1) : daysFromNow(1));
  }
}

export interface Attempt {
  side: Side;
  roles: readonly Role[];
  payload?: Payload;
  now?: Date;
}

export function attempt(
  kind: RequestKind,
  snapshot: WorkflowSnapshot,
  event: string,
  { side, roles, payload, now = NOW }: Attempt,
): TransitionDecision {
  return decideTransition(
    kind,
    snapshot,
    { type: event, payload: payload ?? validPayload(kind, event) },
    { side, roles, now },
  );
}

/** Narrows a decision that a test expects to be an acceptance, failing with the refusal otherwise. */
export function accepted(decision: TransitionDecision): TransitionAcceptance {
  if (!decision.ok) throw new Error(`Expected acceptance, got ${decision.reason}: ${decision.message}`);
  return decision;
}
