import { GENESIS_HASH, requestStream, type ChainedEntry } from '@liaison/audit';
import { answerClaimSql, EXAMPLE_IDS, EXAMPLE_TIME, type SqlExample } from '@liaison/data';
import {
  acceptTransitionSql,
  agencyPartySql,
  attachmentCountSql,
  openTransitionSql,
  refuseTransitionSql,
  type HistoryRow,
  type RequestChange,
} from './transition.sql';

const { agency, counterpart, user, request, fresh } = EXAMPLE_IDS;
const stream = requestStream(request);

const audit = (action: string): ChainedEntry => ({
  id: fresh,
  stream,
  seq: 2,
  occurredAt: EXAMPLE_TIME.toISOString(),
  actorUserId: user,
  actorAgencyId: agency,
  action,
  subjectType: 'request',
  subjectId: request,
  data: { event: 'submit', from: 'draft', to: 'submitted', version: 2 },
  clientRequestId: null,
  prevHash: GENESIS_HASH,
  hash: 'b'.repeat(64),
});

const history: HistoryRow = {
  id: '00000000-0000-7000-8000-0000000000c1',
  requestId: request,
  version: 2,
  event: 'submit',
  fromState: 'draft',
  toState: 'submitted',
  actorId: user,
  actorAgencyId: agency,
  payload: { sealed: Buffer.from('sealed payload').toString('base64') },
  occurredAt: EXAMPLE_TIME,
};

const change: RequestChange = {
  id: request,
  state: 'submitted',
  previousState: null,
  heldBySide: null,
  bestInterestsOutcome: null,
  timers: [{ name: 'supervisor_review', status: 'running', dueAt: '2026-11-30T12:00:00.000Z' }],
  version: 2,
  overdue: false,
  requestedAgencyId: counterpart,
  lastActivityAt: EXAMPLE_TIME,
  updatedAt: EXAMPLE_TIME,
};

const outboxRow = {
  id: '00000000-0000-7000-8000-0000000000c2',
  topic: 'notify',
  requestId: request,
  payload: { requestId: request, event: 'submit' },
  createdAt: EXAMPLE_TIME,
  publishedAt: null,
};

// The three messages of a transition (and the reads between them): each example is one round trip.
export const SQL_EXAMPLES: SqlExample[] = [
  { name: 'open-transition', statement: openTransitionSql(request, stream, user) },
  {
    name: 'accept-transition',
    statement: acceptTransitionSql({
      history,
      audit: audit('request.transition'),
      outbox: [outboxRow],
      request: change,
      idempotentAnswer: [],
    }),
  },
  {
    name: 'accept-transition-without-effects',
    statement: acceptTransitionSql({
      history,
      audit: audit('request.transition'),
      outbox: [],
      request: change,
      idempotentAnswer: [],
    }),
  },
  {
    name: 'accept-transition-with-idempotency-key',
    statement: acceptTransitionSql({
      history,
      audit: audit('request.transition'),
      outbox: [outboxRow],
      request: change,
      idempotentAnswer: [answerClaimSql(fresh, 200, { type: 'transition', requestId: request, warnings: [] })],
    }),
  },
  { name: 'refuse-transition', statement: refuseTransitionSql(audit('request.transition_refused')) },
  { name: 'attachment-count', statement: attachmentCountSql(request, [fresh, history.id]) },
  { name: 'agency-party', statement: agencyPartySql(counterpart) },
];
