import { Button, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { AgencyUser } from '../../api/types';
import { t } from '../../i18n/t';

interface Props {
  agencyId: string;
  user: AgencyUser;
  onDone: (notice: string) => void;
  onError: (error: unknown) => void;
}

/** An administrator's hold on a user's sign-in: reset their second factor (after step-up), end their sessions. */
export function UserSignInActions({ agencyId, user, onDone, onError }: Props) {
  const base = `/agencies/${agencyId}/users/${user.id}`;
  const reset = useMutation({
    mutationFn: () => api.post(`${base}/second-factor/reset`),
    onSuccess: () => onDone(t('admin.users.secondFactorReset', { name: user.displayName })),
    onError,
  });
  const end = useMutation({
    mutationFn: () => api.post(`${base}/sessions/end`),
    onSuccess: () => onDone(t('admin.users.sessionsEnded', { name: user.displayName })),
    onError,
  });
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="xs"
        variant="subtle"
        onClick={() => reset.mutate()}
        loading={reset.isPending}
        aria-label={t('admin.users.resetSecondFactor', { name: user.displayName })}
      >
        {t('admin.users.resetSecondFactorShort')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => end.mutate()}
        loading={end.isPending}
        aria-label={t('admin.users.endSessions', { name: user.displayName })}
      >
        {t('admin.users.endSessionsShort')}
      </Button>
    </Group>
  );
}
