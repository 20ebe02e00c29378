import type { Client } from 'pg';

export interface ApprovalOutcome {
  requestId: string;
  state: string;
  version: number;
  history: number;
  audited: number;
  outbox: number;
}

/** What the database holds of each request's approval: the state change and each row the write path adds. */
export async function approvalOutcomes(db: Client, requestIds: string[]): Promise<Map<string, ApprovalOutcome>> {
  const { rows } = await db.query<ApprovalOutcome>(
    `select r.id as "requestId", r.state, r.version,
       (select count(*)::int from request_history h where h.request_id = r.id and h.event = 'approve') as history,
       (select count(*)::int from audit_event a where a.stream = 'request:' || r.id
          and a.action = 'request.transition') as audited,
       (select count(*)::int from outbox_message o where o.request_id = r.id) as outbox
     from request r where r.id = any($1)`,
    [requestIds],
  );
  return new Map(rows.map((row) => [row.requestId, row]));
}

/** An approval of a request under review writes a history row, an audit entry, a clock start and a notice. */
export const APPLIED = { state: 'transmitted', version: 2, history: 1, audited: 1, outbox: 2 };
export const NOT_APPLIED = { state: 'under_review', version: 1, history: 0, audited: 0, outbox: 0 };

/** Either the whole approval or nothing of it: never a state change without its rows, nor rows without it. */
export function isWholeOrNothing(outcome: ApprovalOutcome): 'applied' | 'not applied' | 'half' {
  if (matches(outcome, APPLIED)) return 'applied';
  if (matches(outcome, NOT_APPLIED)) return 'not applied';
  return 'half';
}

function matches(outcome: ApprovalOutcome, expected: Omit<ApprovalOutcome, 'requestId'>): boolean {
  return Object.entries(expected).every(([field, value]) => outcome[field as keyof ApprovalOutcome] === value);
}
