import type { RequestContent, RequestKind, Role } from '@liaison/domain';

export type { WorkflowDescription, EventDescription, PayloadField, RequestKind, Role } from '@liaison/domain';

/** Shapes of the `/v1` answers, as the controllers' DTOs and views in libs/* define them. */

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
}

export interface Me {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  platformAdmin: boolean;
  language: string;
  agency: { id: string; name: string; country: string; type: string; centralAuthority: boolean };
}

export interface Agency {
  id: string;
  name: string;
  country: string;
  type: string;
  centralAuthority: boolean;
  acceptedLanguages: string[];
}

export interface Party {
  id: string;
  name: string;
  country: string;
}

export type RequestRelation = 'requesting' | 'requested' | 'task_force';

export interface Timer {
  name: string;
  status: 'running' | 'paused';
  dueAt?: string;
  remainingMs: number;
}

export interface RequestView {
  id: string;
  reference: string;
  kind: RequestKind;
  state: string;
  version: number;
  requestingAgency: Party;
  requestedAgency: Party;
  legalBasis: string;
  urgency: string;
  language: string;
  handlingCode: string;
  handlingRestriction?: string | null;
  title: string;
  content: RequestContent;
  suggestedDeadline?: string | null;
  overdue: boolean;
  timers: Timer[];
  relation: RequestRelation;
  allowedEvents: string[];
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
}

export interface TransitionResult extends RequestView {
  warnings: string[];
}

export interface RequestSummary {
  id: string;
  reference: string;
  kind: RequestKind;
  state: string;
  title: string;
  requestingAgency: Party;
  requestedAgency: Party;
  legalBasis: string;
  urgency: string;
  handlingCode: string;
  overdue: boolean;
  /** When the earliest running deadline falls due, if a clock runs. */
  nextDueAt: string | null;
  version: number;
  relation: RequestRelation;
  createdAt: string;
  lastActivityAt: string;
}

export interface HistoryEntry {
  version: number;
  event: string;
  from: string;
  to: string;
  actorUserId: string;
  actorAgencyId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage extends CursorPage<InboxItem> {
  unreadCount: number;
}

export interface PersonIdentity {
  names?: string[] | null;
  aliases?: string[] | null;
  dateOfBirth?: string | null;
  documentNumbers?: { type: string; number: string; issuingCountry?: string }[] | null;
  addresses?: string[] | null;
  contactDetails?: string[] | null;
  photographRefs?: string[] | null;
}

export interface Person {
  id: string;
  requestId: string;
  role: 'suspect' | 'victim' | 'witness';
  gender: string;
  nationality: string | null;
  minor: boolean | null;
  handlingCode: string;
  identityDisclosure: 'clear' | 'redacted' | 'omitted' | 'purged';
  identity: PersonIdentity | null;
  purged: boolean;
  purgedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Attachment {
  id: string;
  requestId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  handlingCode: string;
  handlingRestriction: string | null;
  language: string;
  translationAttached: boolean;
  uploadedBy: string;
  createdAt: string;
}

export interface TaskForceSummary {
  id: string;
  name: string;
  description: string | null;
  leadAgency: { id: string; name: string; country: string };
  memberCount: number;
  linkedRequestCount: number;
  myMembership: { readOnly: boolean } | null;
  createdAt: string;
}
