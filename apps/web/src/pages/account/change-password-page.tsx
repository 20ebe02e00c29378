import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { isApiProblem } from '../../api/api-problem';
import { api } from '../../api/http';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { NewPasswordFields, newPasswordRules, type NewPasswordValues } from './new-password-fields';

interface ChangeValues extends NewPasswordValues {
  currentPassword: string;
}

/** `POST /v1/me/password`: the current password, then the new one twice; the other sessions end. */
export default function ChangePasswordPage() {
  const { me } = useSession();
  const form = useForm<ChangeValues>({
    initialValues: { currentPassword: '', password: '', confirm: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('passwords.change.current')),
      ...newPasswordRules(me),
    },
  });
  const change = useMutation({
    mutationFn: (values: ChangeValues) =>
      api.post('/me/password', { currentPassword: values.currentPassword, newPassword: values.password }),
    onSuccess: () => form.reset(),
    onError: (error) => {
      if (!isApiProblem(error)) return;
      const { newPassword, ...others } = error.fieldErrors();
      form.setErrors({ ...others, ...(newPassword ? { password: newPassword } : {}) });
    },
  });
  return (
    <Stack maw={560}>
      <Title order={1}>{t('passwords.change.title')}</Title>
      <Text size="sm">{t('passwords.change.text')}</Text>
      {change.isSuccess && (
        <Alert color="green" role="status">
          {t('passwords.change.done')}
        </Alert>
      )}
      <Card withBorder>
        <form
          onSubmit={form.onSubmit((values) => change.mutate(values))}
          noValidate
          aria-label={t('passwords.change.title')}
        >
          <Stack>
            {/* for password managers: whose password this is */}
            <input type="hidden" autoComplete="username" value={me?.email ?? ''} readOnly />
            <PasswordInput
              label={t('passwords.change.current')}
              autoComplete="current-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': t('passwords.show') }}
              {...form.getInputProps('currentPassword')}
            />
            <NewPasswordFields form={form} />
            <ProblemAlert error={change.error} />
            <Button type="submit" loading={change.isPending}>
              {t('passwords.change.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
