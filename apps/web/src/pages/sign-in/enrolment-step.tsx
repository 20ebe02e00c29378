import { Alert, Button, Code, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiProblem } from '../../api/api-problem';
import { call } from '../../api/http';
import type { Enrolled, SecondFactorChallenge, TokenPair, TotpEnrolment } from '../../api/types';
import { t } from '../../i18n/t';
import { describeFailure } from './sign-in-failure';

interface Props {
  challenge: SecondFactorChallenge;
  onSignedIn: (tokens: TokenPair) => void;
}

/** Enrolment at sign-in: the QR code of a new secret, its first code, then the recovery codes, shown once. */
export function EnrolmentStep({ challenge, onSignedIn }: Props) {
  const { challengeToken } = challenge;
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [enrolled, setEnrolled] = useState<Enrolled | null>(null);
  const secret = useQuery({
    queryKey: ['enrolment', challengeToken],
    queryFn: async () =>
      (
        await call<TotpEnrolment>('/auth/enrolment/totp', {
          method: 'POST',
          body: { challengeToken },
          authenticated: false,
        })
      ).data,
    staleTime: Infinity,
    retry: false,
  });

  if (enrolled)
    return <RecoveryCodesShownOnce codes={enrolled.recoveryCodes} onContinue={() => onSignedIn(enrolled)} />;

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const body = { challengeToken, code: code.trim() };
      setEnrolled(
        (await call<Enrolled>('/auth/enrolment/totp/confirm', { method: 'POST', body, authenticated: false })).data,
      );
    } catch (error) {
      setFailure(isApiProblem(error) && error.status === 401 ? t('secondFactor.wrong') : describeFailure(error));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <Stack>
        <Title order={2} size="h3">
          {t('enrolment.title')}
        </Title>
        <Text size="sm">{t('enrolment.intro')}</Text>
        {secret.error && (
          <Alert color="red" role="alert">
            {describeFailure(secret.error)}
          </Alert>
        )}
        {secret.data && (
          <>
            <Image src={secret.data.qrCode} alt={t('enrolment.qrAlt')} w={200} h={200} mx="auto" />
            <Text size="sm">
              {t('enrolment.secret')} <Code data-testid="totp-secret">{secret.data.secret}</Code>
            </Text>
          </>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label={t('enrolment.code')}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" loading={busy} disabled={!secret.data}>
          {t('enrolment.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function RecoveryCodesShownOnce({ codes, onContinue }: { codes: string[]; onContinue?: () => void }) {
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('enrolment.codesTitle')}
      </Title>
      <Text size="sm">{t('enrolment.codesIntro')}</Text>
      <List aria-label={t('enrolment.codesList')} data-testid="recovery-codes" ff="monospace">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      {onContinue && <Button onClick={onContinue}>{t('enrolment.continue')}</Button>}
    </Stack>
  );
}
