import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { AgencyUserPage, RoleGrantPage, WebhookDeliveryPage, WebhookEndpointPage } from '../../api/types';

export type { AgencyUser, CreatedWebhookEndpoint, RoleGrant, WebhookDelivery, WebhookEndpoint } from '../../api/types';

export const usersKey = (agencyId: string) => ['admin', 'users', agencyId] as const;
export const webhooksKey = ['admin', 'webhooks'] as const;
export const roleGrantsKey = ['admin', 'role-grants'] as const;
export const deliveriesKey = (endpointId: string) => ['admin', 'webhooks', endpointId, 'deliveries'] as const;

export function useAgencyUsers(agencyId: string) {
  return useInfiniteQuery({
    queryKey: usersKey(agencyId),
    queryFn: ({ pageParam, signal }) =>
      api.get<AgencyUserPage>(`/agencies/${agencyId}/users`, { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: ({ signal }) => api.get<WebhookEndpointPage>('/webhooks', { limit: 200 }, signal),
  });
}

/** Polled while a delivery is pending, so that a replay's outcome shows by itself. */
export function useDeliveries(endpointId: string | null) {
  return useQuery({
    queryKey: deliveriesKey(endpointId ?? ''),
    queryFn: ({ signal }) => api.get<WebhookDeliveryPage>(`/webhooks/${endpointId}/deliveries`, { limit: 50 }, signal),
    enabled: endpointId !== null,
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === 'pending') ? 2000 : 15_000,
  });
}

/** Grants waiting for a second administrator: the agency's roles (ADMINs) and the platform-admin flag (platform admins). */
export function useRoleGrants() {
  return useQuery({
    queryKey: roleGrantsKey,
    queryFn: ({ signal }) => api.get<RoleGrantPage>('/role-grants', { limit: 200 }, signal),
  });
}
