import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { CursorPage, Role } from '../../api/types';

/** `/v1/agencies/:agencyId/users` (libs/agencies UserDto). */
export interface AgencyUser {
  id: string;
  agencyId: string;
  email: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  language: string;
  createdAt: string;
}

/** `/v1/webhooks` (libs/notifications WebhookView, CreatedWebhookView). */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface CreatedWebhookEndpoint extends WebhookEndpoint {
  secret: string;
}

/** `/v1/webhooks/:id/deliveries` (WebhookDeliveryView), newest first. */
export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: { at: string; status: number | null; error: string | null; durationMs: number }[];
  deliveredAt: string | null;
  replays: number;
}

export const usersKey = (agencyId: string) => ['admin', 'users', agencyId] as const;
export const webhooksKey = ['admin', 'webhooks'] as const;
export const deliveriesKey = (endpointId: string) => ['admin', 'webhooks', endpointId, 'deliveries'] as const;

export function useAgencyUsers(agencyId: string) {
  return useInfiniteQuery({
    queryKey: usersKey(agencyId),
    queryFn: ({ pageParam, signal }) =>
      api.get<CursorPage<AgencyUser>>(`/agencies/${agencyId}/users`, { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: ({ signal }) => api.get<CursorPage<WebhookEndpoint>>('/webhooks', { limit: 200 }, signal),
  });
}

/** Polled while a delivery is pending, so that a replay's outcome shows by itself. */
export function useDeliveries(endpointId: string | null) {
  return useQuery({
    queryKey: deliveriesKey(endpointId ?? ''),
    queryFn: ({ signal }) =>
      api.get<CursorPage<WebhookDelivery>>(`/webhooks/${endpointId}/deliveries`, { limit: 50 }, signal),
    enabled: endpointId !== null,
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === 'pending') ? 2000 : 15_000,
  });
}
