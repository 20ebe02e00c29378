import { Alert, Anchor, Container, Loader, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call } from '../../api/http';
import type { SecondFactorChallenge, TokenPair } from '../../api/types';
import { tokenStore } from '../../auth/token-store';
import { t } from '../../i18n/t';
import { describeSsoFailure } from './sso-failure';

/**
 * Where the api sends the browser back after the identity provider: `#code=` (single use, one minute), exchanged
 * here by POST for the token pair (or the second factor's challenge, answered on the sign-in page), or `#error=` with
 * the reason. The fragment is wiped from the address at once.
 */
export default function SsoReturnPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [fragment] = useState(() => new URLSearchParams(window.location.hash.slice(1)));
  const [failure, setFailure] = useState<string | null>(() =>
    fragment.get('code') ? null : describeSsoFailure(fragment.get('error')),
  );

  useEffect(() => {
    window.history.replaceState(null, '', window.location.pathname);
    const code = fragment.get('code');
    if (!code) return;
    call<TokenPair | SecondFactorChallenge>('/auth/sso/exchange', {
      method: 'POST',
      body: { code },
      authenticated: false,
    }).then(
      ({ data }) => {
        if ('challenge' in data) {
          navigate('/sign-in', { replace: true, state: { challenge: data } });
          return;
        }
        queryClient.clear();
        tokenStore.set({ accessToken: data.accessToken, refreshToken: data.refreshToken });
        navigate('/inbox', { replace: true });
      },
      () => setFailure(describeSsoFailure('code_invalid')),
    );
  }, [fragment, navigate, queryClient]);

  return (
    <Container size={440} component="main" py={64}>
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Title order={1} size="h2">
            {t('sso.returnTitle')}
          </Title>
          {failure ? (
            <>
              <Alert color="red" role="alert">
                {failure}
              </Alert>
              <Anchor component={Link} to="/sign-in">
                {t('sso.backToSignIn')}
              </Anchor>
            </>
          ) : (
            <Loader aria-label={t('sso.signingIn')} />
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
