import { Alert, Anchor, Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiProblem } from '../../api/api-problem';
import { call } from '../../api/http';
import type { PasswordLink } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { NewPasswordFields, newPasswordRules, type NewPasswordValues } from './new-password-fields';
import { SignedOutFrame } from './signed-out-frame';

/**
 * The page behind an invitation or reset link: the token comes in the fragment (never sent to a server, nor kept
 * in the address bar once read); the user sees whose account it is and chooses the password.
 */
export default function PasswordLinkPage() {
  const [token] = useState(readToken);
  const navigate = useNavigate();
  const link = useQuery({
    queryKey: ['password-link', token],
    queryFn: async () =>
      (
        await call<PasswordLink>('/auth/password-links/inspect', {
          method: 'POST',
          body: { token },
          authenticated: false,
        })
      ).data,
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
  const form = useForm<NewPasswordValues>({
    initialValues: { password: '', confirm: '' },
    validate: newPasswordRules(link.data),
  });
  const redeem = useMutation({
    mutationFn: ({ password }: NewPasswordValues) =>
      call('/auth/password-links/redeem', { method: 'POST', body: { token, password }, authenticated: false }),
    onSuccess: () => navigate('/sign-in?passwordSet=1', { replace: true }),
    onError: (error) => {
      if (isApiProblem(error)) form.setErrors(error.fieldErrors());
    },
  });

  const unusable = isApiProblem(link.error) && link.error.status === 410;
  const gone = unusable || (isApiProblem(redeem.error) && redeem.error.status === 410);
  const title = link.data ? titleOf(link.data) : t('passwords.link.resetTitle');
  return (
    <SignedOutFrame title={title}>
      {token === null ? (
        <Alert role="status">{t('passwords.link.missing')}</Alert>
      ) : gone ? (
        <Stack>
          <Alert color="yellow" role="alert">
            <Text fw={700} size="sm">
              {t('passwords.link.unusable')}
            </Text>
            <Text size="sm">{t('passwords.link.unusableText')}</Text>
          </Alert>
          <Anchor component={Link} to="/forgot-password">
            {t('passwords.link.askAgain')}
          </Anchor>
        </Stack>
      ) : link.isPending ? (
        <Loader role="status" aria-label={t('passwords.link.checking')} />
      ) : link.data ? (
        <form onSubmit={form.onSubmit((values) => redeem.mutate(values))} noValidate>
          <Stack>
            <Text size="sm">{introOf(link.data)}</Text>
            {/* for password managers: the account the new password belongs to */}
            <TextInput label={t('signIn.email')} value={link.data.email} readOnly autoComplete="username" />
            <NewPasswordFields form={form} />
            <Text size="xs" c="gray.8">
              {t('passwords.link.expires', { time: new Date(link.data.expiresAt).toLocaleString() })}
            </Text>
            <ProblemAlert error={redeem.error} />
            <Button type="submit" loading={redeem.isPending}>
              {t('passwords.link.submit')}
            </Button>
          </Stack>
        </form>
      ) : (
        <ProblemAlert error={link.error} />
      )}
    </SignedOutFrame>
  );
}

function readToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

function titleOf(link: PasswordLink): string {
  if (link.purpose === 'invitation') return t('passwords.link.invitationTitle');
  return link.purpose === 'admin_reset' ? t('passwords.link.adminResetTitle') : t('passwords.link.resetTitle');
}

function introOf(link: PasswordLink): string {
  const values = { agency: link.agencyName, name: link.displayName, email: link.email };
  if (link.purpose === 'invitation') return t('passwords.link.invitationText', values);
  return link.purpose === 'admin_reset'
    ? t('passwords.link.adminResetText', values)
    : t('passwords.link.resetText', values);
}
