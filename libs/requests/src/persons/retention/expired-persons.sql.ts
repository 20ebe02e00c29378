import { join, list, sql, type Sql } from '@liaison/data';
import { REQUEST_KINDS, workflowOf } from '@liaison/domain';

/**
 * Persons not yet purged whose request reached a final state (closed, refused, withdrawn, cancelled...) before
 * `cutoff`: the time of the accepted event that entered that state, or the request's last activity when it has no
 * such history. Locked with SKIP LOCKED, so that worker replicas share the work and never wait for a user's edit.
 */
export function expiredPersonsSql(cutoff: Date, limit: number): Sql {
  return sql`select p.id, p.request_id from person p
    join request r on r.id = p.request_id
    where p.purged_at is null
      and ${closedBefore(cutoff)}
    order by p.id
    limit ${limit}
    for update of p skip locked`;
}

/** Requests whose personal data is still there, closed before `cutoff` (locked as {@link expiredPersonsSql}). */
export function expiredRequestsSql(cutoff: Date, limit: number): Sql {
  return sql`select r.id from request r
    where r.personal_data_purged_at is null
      and ${closedBefore(cutoff)}
    order by r.id
    limit ${limit}
    for update of r skip locked`;
}

/** The request, when it reached a final state before `cutoff` (the same rule as {@link expiredPersonsSql}). */
export function requestPastRetentionSql(requestId: string, cutoff: Date): Sql {
  return sql`select r.id from request r where r.id = ${requestId} and ${closedBefore(cutoff)}`;
}

function closedBefore(cutoff: Date): Sql {
  const byKind = REQUEST_KINDS.map((kind) => sql`(r.kind = ${kind} and r.state in (${list(finalStates(kind))}))`);
  return sql`(${join(byKind, ' or ')})
      and coalesce(
        (select max(h.occurred_at) from request_history h where h.request_id = r.id and h.to_state = r.state),
        r.last_activity_at
      ) < ${cutoff}`;
}

function finalStates(kind: (typeof REQUEST_KINDS)[number]): string[] {
  const { states } = workflowOf(kind);
  return Object.keys(states).filter((state) => states[state]?.final === true);
}
