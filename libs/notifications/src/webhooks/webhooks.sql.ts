import { sql, type Sql, type WebhookAttempt, type WebhookDeliveryStatus } from '@liaison/data';
import type { WebhookEvent } from './webhook-event';

/** The active endpoints of these agencies (one comma-separated value, uuids hold no comma). */
export function subscribedEndpointsSql(agencyIds: readonly string[]): Sql {
  return sql`select id, agency_id, events from webhook_endpoint
  where agency_id = any(string_to_array(${agencyIds.join(',')}, ',')::uuid[]) and active and deleted_at is null order by id`;
}

/** An endpoint as a first delivery's job checks it: whose it is and what it subscribed to (paused or not). */
export function deliveryEndpointSql(endpointId: string): Sql {
  return sql`select id, agency_id, events from webhook_endpoint where id = ${endpointId}`;
}

/** A delivery with what sending it needs of its endpoint. */
const DELIVERY_COLUMNS = sql`d.id, d.status, d.event_id, d.occurred_at, d.body, e.url, e.secret, e.active, e.deleted_at`;

/** The delivery row of an event and endpoint, written if it is not there yet, in one round trip. */
export function upsertDeliverySql(deliveryId: string, endpointId: string, event: WebhookEvent): Sql {
  return sql`with inserted as (
    insert into webhook_delivery (id, created_at, updated_at, endpoint_id, event_id, event_type, occurred_at, body,
      status, attempts, delivered_at, replays)
    values (${deliveryId}, now(), now(), ${endpointId}, ${event.id}, ${event.type}, ${event.occurredAt}, ${event}::jsonb, 'pending', '[]'::jsonb, null, 0)
    on conflict (endpoint_id, event_id) do nothing
    returning id, status, event_id, occurred_at, body, endpoint_id),
  d as (
    select * from inserted
    union all
    select id, status, event_id, occurred_at, body, endpoint_id from webhook_delivery
    where endpoint_id = ${endpointId} and event_id = ${event.id} and not exists (select 1 from inserted))
  select ${DELIVERY_COLUMNS} from d join webhook_endpoint e on e.id = d.endpoint_id`;
}

export function deliverySql(deliveryId: string): Sql {
  return sql`select ${DELIVERY_COLUMNS} from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where d.id = ${deliveryId}`;
}

export function cancelDeliverySql(deliveryId: string): Sql {
  return sql`update webhook_delivery set status = 'cancelled', updated_at = now() where id = ${deliveryId}`;
}

/** Appends an attempt to the delivery's log and sets its status. */
export function recordAttemptSql(
  deliveryId: string,
  attempt: WebhookAttempt,
  status: WebhookDeliveryStatus,
  deliveredAt: Date | null,
): Sql {
  return sql`update webhook_delivery set attempts = attempts || ${[attempt]}::jsonb, status = ${status}, delivered_at = ${deliveredAt},
  updated_at = now() where id = ${deliveryId}`;
}
