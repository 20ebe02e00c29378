import { sql, type Sql } from '../sql/sql';
import type { IdempotentResource } from './idempotent-resource';

/**
 * Inserts the claim of a key, or takes over the same call's claim left unanswered for longer than
 * `abandonedAfterSeconds`: one row (the claim's id), none when the key is taken.
 */
export function claimKeySql(
  claim: { id: string; userId: string; key: string; fingerprint: string },
  abandonedAfterSeconds: number,
): Sql {
  return sql`insert into idempotency_record (id, user_id, key, fingerprint, created_at) values (${claim.id}, ${claim.userId}, ${claim.key}, ${claim.fingerprint}, now())
         on conflict (user_id, key) do update set id = excluded.id, created_at = excluded.created_at
         where idempotency_record.response_status is null and idempotency_record.fingerprint = excluded.fingerprint
           and idempotency_record.created_at < now() - make_interval(secs => ${abandonedAfterSeconds})
         returning id`;
}

/**
 * The answer to a claim, by the ids of what the call wrote: run in the transaction of that change, so that the
 * record commits with it or not at all.
 */
export function answerClaimSql(claimId: string, status: number, resource: IdempotentResource): Sql {
  return sql`update idempotency_record set response_status = ${status}, resource = ${resource}::jsonb
    where id = ${claimId}`;
}

/** The answer of a route that records no resource, stored as it was sent, after its change committed. */
export function storeAnswerSql(claimId: string, status: number, body: unknown): Sql {
  const json = body === undefined || body === null ? null : JSON.stringify(body);
  return sql`update idempotency_record set response_status = ${status}, response_body = ${json}::jsonb
    where id = ${claimId}`;
}

/** A failed call gives its key back, unless its change committed with its answer. */
export function releaseClaimSql(claimId: string): Sql {
  return sql`delete from idempotency_record where id = ${claimId} and response_status is null`;
}
