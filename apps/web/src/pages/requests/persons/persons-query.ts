import type { QueryClient } from '@tanstack/react-query';

/** The query of a request's persons, shared by the draft page and the detail page. */
export const personsKey = (requestId: string) => ['request', requestId, 'persons'] as const;

/**
 * After a person is added, edited or removed: the list is read again, and so is the request, since every person
 * write gives the draft a new version that its next save must send as `If-Match`.
 */
export async function refreshAfterPersonWrite(queryClient: QueryClient, requestId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: personsKey(requestId) }),
    queryClient.invalidateQueries({ queryKey: ['request', requestId], exact: true }),
  ]);
}
