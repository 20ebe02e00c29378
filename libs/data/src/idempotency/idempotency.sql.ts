import { sql, type Sql } from '../sql/sql';
import type { IdempotentResource } from './idempotent-resource';

export interface IdempotencyLimits {
  /** An unanswered claim older than this was abandoned (its process died): the same call may take it over. */
  abandonedAfterSeconds: number;
  /** A record older than this is neither replayed nor kept: the key may be used afresh. */
  expiresAfterHours: number;
}

/** How many expired records one claim deletes at most (the next claims take the rest). */
const SWEEP_BATCH = 100;

/**
 * Inserts the claim of a key, or takes over the same call's claim left unanswered for longer than
 * `abandonedAfterSeconds`, or an expired record of any call: one row (the claim's id), none when the key is taken.
 * On the way it deletes a batch of other expired records (rows another claim is deleting are skipped).
 */
export function claimKeySql(
  claim: { id: string; userId: string; key: string; fingerprint: string },
  limits: IdempotencyLimits,
): Sql {
  const expired = sql`now() - make_interval(hours => ${limits.expiresAfterHours})`;
  return sql`with swept as (
      delete from idempotency_record where id in (
        select id from idempotency_record
        where created_at < ${expired} and not (user_id = ${claim.userId} and key = ${claim.key})
        order by created_at limit ${SWEEP_BATCH} for update skip locked))
    insert into idempotency_record (id, user_id, key, fingerprint, created_at)
    values (${claim.id}, ${claim.userId}, ${claim.key}, ${claim.fingerprint}, now())
    on conflict (user_id, key) do update set id = excluded.id, fingerprint = excluded.fingerprint,
      created_at = excluded.created_at, response_status = null, response_body = null, resource = null
    where idempotency_record.created_at < ${expired}
      or (idempotency_record.response_status is null and idempotency_record.fingerprint = excluded.fingerprint
        and idempotency_record.created_at < now() - make_interval(secs => ${limits.abandonedAfterSeconds}))
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
