import type { Request, StoredTimer } from '@liaison/data';
import type { RequestContent, RequestKind } from '@liaison/domain';
import type { PersonFact, PositionedRequest, PresentableRequest } from '@liaison/requests';

export interface AgencyParty {
  id: string;
  name: string;
  country: string;
  acceptedLanguages: readonly string[];
}

/** The request as the write path reads it, locked: its columns, both agencies, and the facts the rules need. */
export interface LockedRequest extends PresentableRequest, PositionedRequest {
  requestingAgency: AgencyParty;
  requestedAgency: AgencyParty;
  persons: PersonFact[];
  taskForceLinked: boolean;
  /** Whether the caller is a member of a task force the request is linked to. */
  callerInLinkedTaskForce: boolean;
}

/** The row of {@link LOCKED_REQUEST_COLUMNS}. */
export interface LockedRequestRow {
  id: string;
  reference: string;
  kind: RequestKind;
  legalBasis: string;
  urgency: Request['urgency'];
  language: string;
  handlingCode: Request['handlingCode'];
  handlingRestriction: string | null;
  title: string;
  content: RequestContent;
  suggestedDeadline: string | null;
  state: string;
  previousState: string | null;
  heldBySide: Request['heldBySide'];
  bestInterestsOutcome: string | null;
  timers: StoredTimer[];
  version: number;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  requestingAgency: AgencyParty;
  requestedAgency: AgencyParty;
  persons: PersonFact[];
  taskForceLinked: boolean;
  callerInLinkedTaskForce: boolean;
}

const agencyJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'country', ${alias}.country,
    'acceptedLanguages', ${alias}.accepted_languages)`;

/**
 * The select list over `request r`, `agency requesting`, `agency requested`: times as JSON (ISO 8601 strings), the
 * persons' facts (never their identities) and whether the request is linked to a task force, as subqueries.
 */
export const LOCKED_REQUEST_COLUMNS = `r.id, r.reference, r.kind, r.legal_basis as "legalBasis", r.urgency, r.language,
  r.handling_code as "handlingCode", r.handling_restriction as "handlingRestriction", r.title, r.content,
  to_json(r.suggested_deadline) as "suggestedDeadline", r.state, r.previous_state as "previousState",
  r.held_by_side as "heldBySide", r.best_interests_outcome as "bestInterestsOutcome", r.timers, r.version, r.overdue,
  to_json(r.created_at) as "createdAt", to_json(r.updated_at) as "updatedAt",
  to_json(r.last_activity_at) as "lastActivityAt",
  ${agencyJson('requesting')} as "requestingAgency", ${agencyJson('requested')} as "requestedAgency",
  (select coalesce(json_agg(json_build_object('role', p.role, 'minor', p.minor, 'nationality', p.nationality)), '[]')
    from person p where p.request_id = r.id) as persons,
  exists (select 1 from task_force_request l where l.request_id = r.id) as "taskForceLinked"`;

export function toLockedRequest(row: LockedRequestRow): LockedRequest {
  return {
    ...row,
    suggestedDeadline: row.suggestedDeadline === null ? null : new Date(row.suggestedDeadline),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    lastActivityAt: new Date(row.lastActivityAt),
  };
}
