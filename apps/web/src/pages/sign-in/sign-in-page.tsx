import {
  Alert,
  Anchor,
  Button,
  Center,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { isApiProblem } from '../../api/api-problem';
import type { SecondFactorChallenge, TokenPair } from '../../api/types';
import { useSession } from '../../auth/session';
import { t } from '../../i18n/t';
import { EnrolmentStep } from './enrolment-step';
import { SecondFactorStep } from './second-factor-step';
import { describeFailure } from './sign-in-failure';
import { SsoAgencies } from './sso-agencies';

export default function SignInPage() {
  const { signedIn, signIn, startSession } = useSession();
  // a single sign-on whose provider's sign-in does not stand for the second factor arrives with its challenge
  const location = useLocation() as { state: { challenge?: SecondFactorChallenge } | null };
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(location.state?.challenge ?? null);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : t('signIn.email')),
      password: (value) => (value ? null : t('signIn.password')),
    },
  });
  const next = safeNext(params.get('next'));

  if (signedIn && !busy) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async ({ email, password }) => {
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await signIn(email.trim(), password);
      if (outcome.signedIn) navigate(next, { replace: true });
      else setChallenge(outcome.challenge);
    } catch (error) {
      setFailure(describeFailure(error));
      if (isApiProblem(error) && error.status === 401) form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });

  const signedInWith = (tokens: TokenPair) => {
    startSession(tokens);
    navigate(next, { replace: true });
  };

  return (
    <Container size={440} component="main" py={64}>
      <Center mb="lg">
        <Stack gap={4} align="center">
          <Title order={1}>{t('signIn.title')}</Title>
          <Text c="gray.8" size="sm">
            {t('app.tagline')}
          </Text>
        </Stack>
      </Center>
      <Paper withBorder p="lg" radius="md">
        {challenge?.challenge === 'enrol' && <EnrolmentStep challenge={challenge} onSignedIn={signedInWith} />}
        {challenge?.challenge === 'verify' && <SecondFactorStep challenge={challenge} onSignedIn={signedInWith} />}
        <form onSubmit={submit} noValidate hidden={challenge !== null}>
          <Stack>
            {params.get('expired') && (
              <Alert color="yellow" role="status">
                {t('signIn.expired')}
              </Alert>
            )}
            {params.get('signedOut') && <Alert role="status">{t('signIn.signedOut')}</Alert>}
            {params.get('passwordSet') && (
              <Alert color="green" role="status">
                {t('signIn.passwordSet')}
              </Alert>
            )}
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('signIn.forgot')}
            </Anchor>
            <SsoAgencies />
            <Text size="xs" c="gray.8">
              {t('signIn.privacy')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}

/** Only paths of this console: never an open redirect. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/inbox';
}
