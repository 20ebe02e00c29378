import { sql, type Sql } from '@liaison/data';

/** Requests from before encryption: no data key and not purged (none once the worker has sealed them). */
export function unsealedRequestsSql(limit: number): Sql {
  return sql`select r.id from request r
    where r.personal_data_purged_at is null
      and not exists (select 1 from request_key k where k.request_id = r.id)
    order by r.id
    limit ${limit}`;
}
