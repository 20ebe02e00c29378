import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { isApiProblem } from '../../api/api-problem';
import { call } from '../../api/http';
import type { SecondFactorChallenge, TokenPair } from '../../api/types';
import { answerWithPasskey } from '../../auth/passkey-ceremony';
import { t } from '../../i18n/t';
import { describeFailure } from './sign-in-failure';

interface Props {
  challenge: SecondFactorChallenge;
  onSignedIn: (tokens: TokenPair) => void;
}

/** The second step of a sign-in: a code from the authenticator app, a recovery code, or a passkey. */
export function SecondFactorStep({ challenge, onSignedIn }: Props) {
  const [method, setMethod] = useState<'otp' | 'recovery'>('otp');
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { challengeToken } = challenge;

  const attempt = async (work: () => Promise<TokenPair>) => {
    setBusy(true);
    setFailure(null);
    try {
      onSignedIn(await work());
    } catch (error) {
      setFailure(isApiProblem(error) && error.status === 401 ? t('secondFactor.wrong') : describeFailure(error));
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  const withCode = () =>
    attempt(async () => {
      const body = { challengeToken, method, code: code.trim() };
      return (await call<TokenPair>('/auth/second-factor', { method: 'POST', body, authenticated: false })).data;
    });
  const withPasskey = () =>
    attempt(async () => {
      const options = await call('/auth/second-factor/passkey/options', {
        method: 'POST',
        body: { challengeToken },
        authenticated: false,
      });
      const response = await answerWithPasskey(options.data).catch(() => {
        throw new Error(t('secondFactor.passkeyFailed'));
      });
      const body = { challengeToken, response };
      return (await call<TokenPair>('/auth/second-factor/passkey', { method: 'POST', body, authenticated: false }))
        .data;
    });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void withCode();
      }}
    >
      <Stack>
        <Title order={2} size="h3">
          {t('secondFactor.title')}
        </Title>
        <Text size="sm">{t('secondFactor.intro')}</Text>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label={method === 'otp' ? t('secondFactor.code') : t('secondFactor.recoveryCode')}
          autoComplete="one-time-code"
          inputMode={method === 'otp' ? 'numeric' : 'text'}
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" loading={busy}>
          {t('secondFactor.submit')}
        </Button>
        {challenge.methods.includes('passkey') && (
          <Button variant="default" onClick={() => void withPasskey()} disabled={busy}>
            {t('secondFactor.usePasskey')}
          </Button>
        )}
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => setMethod(method === 'otp' ? 'recovery' : 'otp')}
        >
          {method === 'otp' ? t('secondFactor.useRecovery') : t('secondFactor.useCode')}
        </Anchor>
      </Stack>
    </form>
  );
}
