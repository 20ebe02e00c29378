import { Alert, Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import type { Me } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { AdminTable } from './admin-table';
import { useAgencyUsers, type AgencyUser } from './admin-api';
import { CreateUserForm } from './create-user-form';
import { EditRolesModal } from './edit-roles-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { UserSignInActions } from './user-sign-in-actions';

/** The agency's users with their roles; create one (invited by e-mail), change roles, deactivate, reset a password. */
export function UsersPanel({ me }: { me: Me }) {
  const users = useAgencyUsers(me.agency.id);
  const [editing, setEditing] = useState<AgencyUser | null>(null);
  const [resetting, setResetting] = useState<AgencyUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('admin.users.title', { agency: me.agency.name })}
      </Title>
      {notice && (
        <Alert
          color="green"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      <ProblemAlert error={users.error ?? failure} />
      <AdminTable
        pending={users.isPending}
        empty={items.length === 0}
        emptyText={t('admin.users.empty')}
        caption={t('admin.users.title', { agency: me.agency.name })}
        columns={[
          t('admin.users.email'),
          t('admin.users.displayName'),
          t('admin.users.roles'),
          t('admin.users.status'),
          t('admin.users.actions'),
        ]}
        minWidth={760}
        testId="agency-users"
      >
        {items.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Th scope="row" fw={400}>
              {user.email}
            </Table.Th>
            <Table.Td>{user.displayName}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {user.roles.map((role) => (
                  <Badge key={role} variant="outline" color="indigo.9" size="sm">
                    {role}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{user.active ? t('admin.users.active') : t('admin.users.inactive')}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setEditing(user)}
                  aria-label={t('admin.users.edit', { name: user.displayName })}
                >
                  {t('admin.users.editShort')}
                </Button>
                {user.active && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setResetting(user)}
                    aria-label={t('admin.users.resetPasswordOf', { name: user.displayName })}
                  >
                    {t('admin.users.resetPassword')}
                  </Button>
                )}
                <UserSignInActions agencyId={me.agency.id} user={user} onDone={setNotice} onError={setFailure} />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {users.hasNextPage && (
        <Button variant="default" onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
      <CreateUserForm
        agencyId={me.agency.id}
        onCreated={(user) => setNotice(t('admin.users.created', { email: user.email }))}
      />
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={(issued) => {
            const name = resetting.displayName;
            if (issued) {
              setNotice(
                t(issued.sent === 'invitation' ? 'admin.users.invitationResent' : 'admin.users.resetDone', { name }),
              );
            }
            setResetting(null);
          }}
        />
      )}
      {editing && (
        <EditRolesModal
          user={editing}
          onClose={(saved, pending = []) => {
            const name = editing.displayName;
            if (saved && pending.length)
              setNotice(t('admin.users.updatedPending', { name, roles: pending.join(', ') }));
            else if (saved) setNotice(t('admin.users.updated', { name }));
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
