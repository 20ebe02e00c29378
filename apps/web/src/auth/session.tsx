import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { api, call } from '../api/http';
import type { Me, SecondFactorChallenge, TokenPair } from '../api/types';
import { tokenStore } from './token-store';

export interface Session {
  signedIn: boolean;
  /** The caller, their agency and roles (GET /v1/me), kept in memory only. */
  me: Me | undefined;
  /** The password step: signed in, or the second factor (or its enrolment) is due first. */
  signIn(email: string, password: string): Promise<SignInOutcome>;
  /** The session's tokens, once the second factor is given. */
  startSession(tokens: TokenPair): void;
  signOut(): Promise<void>;
}

export type SignInOutcome = { signedIn: true } | { signedIn: false; challenge: SecondFactorChallenge };

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

  const startSession = useCallback(
    (data: TokenPair) => {
      queryClient.clear();
      tokenStore.set({ accessToken: data.accessToken, refreshToken: data.refreshToken });
    },
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string): Promise<SignInOutcome> => {
      const { data } = await call<TokenPair | SecondFactorChallenge>('/auth/login', {
        method: 'POST',
        body: { email, password },
        authenticated: false,
      });
      if ('challenge' in data) return { signedIn: false, challenge: data };
      startSession(data);
      return { signedIn: true };
    },
    [startSession],
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
    () => ({ signedIn: tokens !== null, me: tokens ? me.data : undefined, signIn, startSession, signOut }),
    [tokens, me.data, signIn, startSession, signOut],
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
