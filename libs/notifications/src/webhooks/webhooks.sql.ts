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

/** An endpoint's secrets, sealed (see webhook-secrets.ts). */
const SECRET_COLUMNS = sql`e.id as endpoint_id, e.secret_ciphertext, e.secret_key_id, e.previous_secret_ciphertext, e.secret_rotated_at`;

/** A delivery with what sending it needs of its endpoint. */
const DELIVERY_COLUMNS = sql`d.id, d.status, d.event_id, d.occurred_at, d.body, e.url, e.active, e.deleted_at, ${SECRET_COLUMNS}`;

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

const bytes = (value: Buffer | null) => sql`decode(${value ? value.toString('hex') : null}, 'hex')`;

/** An endpoint's sealed secrets, locked until the caller's transaction ends (a rotation, a re-seal). */
export function endpointSecretsSql(endpointId: string): Sql {
  return sql`select ${SECRET_COLUMNS} from webhook_endpoint e where e.id = ${endpointId} for update`;
}

/** Writes an endpoint's sealed secrets (both under `keyId`) and when the current one replaced the previous. */
export function storeSecretsSql(
  endpointId: string,
  sealed: { current: Buffer; previous: Buffer | null; keyId: string },
  rotatedAt: Date | null,
): Sql {
  return sql`update webhook_endpoint set secret_ciphertext = ${bytes(sealed.current)}, secret_key_id = ${sealed.keyId},
  previous_secret_ciphertext = ${bytes(sealed.previous)}, secret_rotated_at = ${rotatedAt}, updated_at = now()
  where id = ${endpointId}`;
}

/** A batch of endpoints whose secrets are in clear or under one of these (retired) master keys, locked. */
export function secretsToSealSql(retiredKeyIds: readonly string[], limit: number): Sql {
  return sql`select ${SECRET_COLUMNS} from webhook_endpoint e
  where e.secret_key_id is null or e.secret_key_id = any(string_to_array(${retiredKeyIds.join(',')}, ','))
  order by e.id limit ${limit} for update skip locked`;
}

/** How many endpoints' secrets are not under this master key. */
export function secretsNotUnderSql(keyId: string): Sql {
  return sql`select count(*)::int as count from webhook_endpoint where secret_key_id is distinct from ${keyId}`;
}
