import { Button, Checkbox, Group, Modal, Stack, Switch } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLES } from '@liaison/domain';
import { api } from '../../api/http';
import type { Role } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { roleGrantsKey, usersKey, type AgencyUser } from './admin-api';

/**
 * Roles and activation of one user: `PATCH /v1/agencies/:agencyId/users/:userId`. Added SUPERVISOR and AUDITOR roles
 * wait for a second administrator: `onClose` gets those the answer does not hold yet.
 */
export function EditRolesModal({
  user,
  onClose,
}: {
  user: AgencyUser;
  onClose: (saved: boolean, pending?: string[]) => void;
}) {
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [active, setActive] = useState(user.active);
  const save = useMutation({
    mutationFn: () =>
      api.patch<AgencyUser>(`/agencies/${user.agencyId}/users/${user.id}`, { roles: roles as Role[], active }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: usersKey(user.agencyId) });
      await queryClient.invalidateQueries({ queryKey: roleGrantsKey });
      onClose(
        true,
        roles.filter((role) => !saved.data.roles.includes(role as Role)),
      );
    },
  });
  return (
    <Modal
      opened
      onClose={() => onClose(false)}
      title={t('admin.users.editTitle', { name: user.displayName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Checkbox.Group
          label={t('admin.users.roles')}
          value={roles}
          onChange={setRoles}
          error={roles.length === 0 ? t('admin.users.rolesRequired') : undefined}
        >
          <Stack gap="xs" mt="xs">
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`admin.roleNames.${role}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Switch
          label={t('admin.users.activeLabel')}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={roles.length === 0}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
