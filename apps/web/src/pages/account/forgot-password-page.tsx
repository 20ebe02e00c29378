import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isApiProblem } from '../../api/api-problem';
import { call } from '../../api/http';
import type { PasswordResetSent } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { SignedOutFrame } from './signed-out-frame';

/** Asks for a reset link; the answer is the same whether an account has the address or not. */
export default function ForgotPasswordPage() {
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+$/.test(value) ? null : t('passwords.forgot.email')) },
  });
  const ask = useMutation({
    mutationFn: async ({ email }: { email: string }) =>
      (
        await call<PasswordResetSent>('/auth/password-resets', {
          method: 'POST',
          body: { email: email.trim() },
          authenticated: false,
        })
      ).data,
    onError: (error) => {
      if (isApiProblem(error)) form.setErrors(error.fieldErrors());
    },
  });
  return (
    <SignedOutFrame title={t('passwords.forgot.title')}>
      <Stack>
        {ask.data ? (
          <Alert color="green" role="status">
            {ask.data.detail}
          </Alert>
        ) : (
          <form onSubmit={form.onSubmit((values) => ask.mutate(values))} noValidate>
            <Stack>
              <Text size="sm">{t('passwords.forgot.text')}</Text>
              <TextInput
                label={t('passwords.forgot.email')}
                type="email"
                autoComplete="username"
                required
                {...form.getInputProps('email')}
              />
              <ProblemAlert error={ask.error} />
              <Button type="submit" loading={ask.isPending}>
                {t('passwords.forgot.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('passwords.forgot.back')}
        </Anchor>
      </Stack>
    </SignedOutFrame>
  );
}
