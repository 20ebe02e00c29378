import { PasswordInput, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { passwordRefusal, type PasswordOwner } from '@liaison/domain';
import { t } from '../../i18n/t';

export interface NewPasswordValues {
  password: string;
  confirm: string;
}

/**
 * The rules the server applies, checked as the user types (all but the list of common passwords, which only the
 * server holds): the same `libs/domain` function.
 */
export function newPasswordRules(owner: PasswordOwner | undefined) {
  return {
    password: (value: string) => {
      const refusal = passwordRefusal(value, owner ?? { email: '', displayName: '' }, () => false);
      return refusal ? t(`passwords.refusal.${refusal}`) : null;
    },
    confirm: (value: string, values: NewPasswordValues) => (value === values.password ? null : t('passwords.mismatch')),
  };
}

/** A new password and its confirmation, with the rules said once above them. */
export function NewPasswordFields<T extends NewPasswordValues>({ form }: { form: UseFormReturnType<T> }) {
  return (
    <Stack gap="sm">
      <Text size="sm" id="password-rules">
        {t('passwords.rules')}
      </Text>
      <PasswordInput
        label={t('passwords.newPassword')}
        autoComplete="new-password"
        required
        aria-describedby="password-rules"
        visibilityToggleButtonProps={{ 'aria-label': t('passwords.show') }}
        {...form.getInputProps('password')}
      />
      <PasswordInput
        label={t('passwords.confirm')}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={{ 'aria-label': t('passwords.show') }}
        {...form.getInputProps('confirm')}
      />
    </Stack>
  );
}
