import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/http';
import type { Person, RequestView } from '../../../api/types';
import { hasAnyRole, useSession } from '../../../auth/session';
import { formatDate } from '../../../components/labels';
import { ProblemAlert } from '../../../components/problem-alert';
import { t } from '../../../i18n/t';
import { personsKey } from '../persons/persons-query';

/**
 * A purge proposed by one supervisor, waiting for a second (four eyes): the two parties' supervisors may cancel
 * it, and any of them but its proposer may confirm it before it lapses.
 */
export function PendingPurge({
  person,
  requestId,
  relation,
}: {
  person: Person;
  requestId: string;
  relation: RequestView['relation'];
}) {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: (step: 'confirm' | 'cancel') => api.post(`/persons/${person.id}/purge/${step}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: personsKey(requestId) }),
  });
  const pending = person.pendingPurge;
  if (!pending) return null;
  const supervisor = (relation === 'requesting' || relation === 'requested') && hasAnyRole(me, 'SUPERVISOR');
  const values = { name: pending.proposedBy.displayName, date: formatDate(pending.proposedAt) };
  return (
    <Stack gap={4}>
      <Text size="sm">
        {pending.expired
          ? t('detail.purgeLapsed', { ...values, expires: formatDate(pending.expiresAt) })
          : t('detail.purgePending', values)}
      </Text>
      {supervisor && (
        <Group gap="xs">
          {!pending.expired && me?.id !== pending.proposedBy.id && (
            <Button size="xs" color="red" loading={send.isPending} onClick={() => send.mutate('confirm')}>
              {t('detail.purgeConfirm')}
            </Button>
          )}
          <Button size="xs" variant="default" loading={send.isPending} onClick={() => send.mutate('cancel')}>
            {t('detail.purgeCancel')}
          </Button>
        </Group>
      )}
      {send.error && <ProblemAlert error={send.error} />}
    </Stack>
  );
}
