import { createHash } from 'node:crypto';
import { matchesEventFilter } from './webhook-event-filter';
import type { WebhookEvent } from './webhook-event';

/**
 * The delivery id of an event for an endpoint, the same wherever and however often it is computed: a UUIDv7 whose
 * time is the event's (so deliveries still sort by time) and whose random bits are a hash of the event and endpoint
 * ids. It is also the first delivery's job id, so fanning a notice out twice queues one job and writes one row.
 */
export function webhookDeliveryId(eventId: string, endpointId: string, occurredAt: string): string {
  const bytes = createHash('sha256').update(`${eventId}\n${endpointId}`).digest().subarray(0, 16);
  const ms = BigInt(Date.parse(occurredAt));
  for (let i = 0; i < 6; i += 1) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (bytes[6] & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8] & 0x3f); // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The event's delivery id for this endpoint, or null if the endpoint is not subscribed to the event's type. */
export function deliveryIdFor(
  event: Pick<WebhookEvent, 'id' | 'type' | 'occurredAt'>,
  endpoint: { id: string; events: readonly string[] },
): string | null {
  if (!matchesEventFilter(endpoint.events, event.type)) return null;
  return webhookDeliveryId(event.id, endpoint.id, event.occurredAt);
}
