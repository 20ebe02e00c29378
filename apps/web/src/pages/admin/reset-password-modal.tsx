import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { PasswordResetIssued } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import type { AgencyUser } from './admin-api';

/** `POST /v1/agencies/:agencyId/users/:userId/password-reset`, after a confirmation: the administrator sets nothing. */
export function ResetPasswordModal({
  user,
  onClose,
}: {
  user: AgencyUser;
  onClose: (issued: PasswordResetIssued | null) => void;
}) {
  const reset = useMutation({
    mutationFn: async () =>
      (await api.post<PasswordResetIssued>(`/agencies/${user.agencyId}/users/${user.id}/password-reset`)).data,
    onSuccess: (issued) => onClose(issued),
  });
  return (
    <Modal
      opened
      onClose={() => onClose(null)}
      title={t('admin.users.resetConfirmTitle', { name: user.displayName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm">{t('admin.users.resetConfirmText')}</Text>
        <ProblemAlert error={reset.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => reset.mutate()} loading={reset.isPending}>
            {t('admin.users.resetConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
