import { QueryClient } from '@tanstack/react-query';
import { isApiProblem } from '../api/api-problem';

/** Retries only what may pass on a second try: network loss and 5xx, not a refusal. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Calls are tried even when the browser says it is offline, so that a lost network shows its error page
      // (TanStack Query would otherwise pause them silently).
      queries: {
        networkMode: 'always',
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && (!isApiProblem(error) || error.status === 0 || error.status >= 500),
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
