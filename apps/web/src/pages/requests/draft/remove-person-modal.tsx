import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/http';
import type { Person } from '../../../api/types';
import { ProblemAlert } from '../../../components/problem-alert';
import { t } from '../../../i18n/t';
import { refreshAfterPersonWrite } from '../persons/persons-query';

interface Props {
  requestId: string;
  person: Person;
  label: Record<string, string | number>;
  onClose: () => void;
}

/** Asks before `DELETE /v1/requests/:id/persons/:personId`: the identity goes with the person. */
export function RemovePersonModal({ requestId, person, label, onClose }: Props) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(`/requests/${requestId}/persons/${person.id}`),
    onSuccess: async () => {
      await refreshAfterPersonWrite(queryClient, requestId);
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('newRequest.persons.removeTitle', label)}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm">{t('newRequest.persons.removeConfirmText')}</Text>
        <ProblemAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('newRequest.persons.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
