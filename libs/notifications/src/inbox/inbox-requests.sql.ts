import { inLinkedTaskForceSql, list, raw, sentOutSql, sql, type Sql } from '@liaison/data';

/** The requests an inbox page's notices are about, as the caller may now see them (a forwarded one drops out). */
export interface InboxRequestRow {
  id: string;
  reference: string;
  title: string;
  kind: string;
  state: string;
  requesting_agency_id: string;
  requesting_agency_name: string;
  requesting_agency_country: string;
  requested_agency_id: string;
  requested_agency_name: string;
  requested_agency_country: string;
}

export function inboxRequestsSql(requestIds: readonly string[], viewer: { agencyId: string; userId: string }): Sql {
  return sql`select r.id, r.reference, r.title, r.kind, r.state, r.requesting_agency_id, ra.name as requesting_agency_name, ra.country as requesting_agency_country, r.requested_agency_id, rd.name as requested_agency_name, rd.country as requested_agency_country
from request r
join agency ra on ra.id = r.requesting_agency_id
join agency rd on rd.id = r.requested_agency_id
where r.id in (${list(requestIds)})
  and (r.requesting_agency_id = ${viewer.agencyId} or (${sentOutSql()} and (r.requested_agency_id = ${viewer.agencyId} or ${inLinkedTaskForceSql(raw('r.id'), sql`${viewer.userId}::uuid`)})))`;
}

/** Marks every unread entry of the caller read; answers how many. */
export function markAllReadSql(recipientId: string, at: Date): Sql {
  return sql`update inbox_item set read_at = ${at} where recipient_id = ${recipientId} and read_at is null returning id`;
}
