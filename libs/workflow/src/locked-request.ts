import type { Request, StoredTimer } from '@liaison/data';
import type { PersonFact, RequestContent, RequestKind } from '@liaison/domain';
import type { OpenedRequestKey, PositionedRequest, PresentableRequest } from '@liaison/requests';

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

/** The row the transition's open statement reads (`openTransitionSql`). */
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
  sealedContent: string | null;
  clearContent: RequestContent | null;
  personalDataPurgedAt: string | null;
  requestKey: { wrappedDataKey: string; masterKeyId: string } | null;
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

/** The request's data key as the row carries it, for the vault (`fromWrapped`). */
export function wrappedKeyOf(row: LockedRequestRow): { wrappedDataKey: Buffer; masterKeyId: string } | null {
  const key = row.requestKey;
  return key && { wrappedDataKey: Buffer.from(key.wrappedDataKey, 'base64'), masterKeyId: key.masterKeyId };
}

/** The row with its content opened by the request's key (`vault.fromWrapped`), which the caller keeps. */
export function toLockedRequest(row: LockedRequestRow, key: OpenedRequestKey): LockedRequest {
  // the wrapped key stays out of the request that is presented and passed on
  const { sealedContent, clearContent, requestKey: _wrapped, personalDataPurgedAt, ...columns } = row;
  const purgedAt = personalDataPurgedAt === null ? null : new Date(personalDataPurgedAt);
  const sealed = sealedContent === null ? null : Buffer.from(sealedContent, 'base64');
  return {
    ...columns,
    content: key.content({ id: row.id, sealedContent: sealed, clearContent, personalDataPurgedAt: purgedAt }),
    personalDataPurgedAt: purgedAt,
    suggestedDeadline: row.suggestedDeadline === null ? null : new Date(row.suggestedDeadline),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    lastActivityAt: new Date(row.lastActivityAt),
  };
}
