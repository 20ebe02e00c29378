import { sql, type Sql } from '@liaison/data';

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
