import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { api, call } from '../api/http';
import type { Me, TokenPair } from '../api/types';
import { tokenStore } from './token-store';

export interface Session {
  signedIn: boolean;
  /** The caller, their agency and roles (GET /v1/me), kept in memory only. */
  me: Me | undefined;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export const ME_QUERY_KEY = ['me'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const tokens = useSyncExternalStore(tokenStore.subscribe, tokenStore.get);
  const me = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => api.get<Me>('/me', undefined, signal),
    enabled: tokens !== null,
    staleTime: 5 * 60_000,
  });

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { data } = await call<TokenPair>('/auth/login', {
        method: 'POST',
        body: { email, password },
        authenticated: false,
      });
      queryClient.clear();
      tokenStore.set({ accessToken: data.accessToken, refreshToken: data.refreshToken });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    const refreshToken = tokenStore.get()?.refreshToken;
    tokenStore.set(null);
    queryClient.clear();
    if (refreshToken) {
      await call('/auth/logout', { method: 'POST', body: { refreshToken }, authenticated: false }).catch(() => {
        // Revocation is best effort: the tokens are gone from this browser either way.
      });
    }
  }, [queryClient]);

  const value = useMemo<Session>(
    () => ({ signedIn: tokens !== null, me: tokens ? me.data : undefined, signIn, signOut }),
    [tokens, me.data, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function hasAnyRole(me: Me | undefined, ...roles: Me['roles']): boolean {
  return !!me && roles.some((role) => me.roles.includes(role));
}
