import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/http';
import type { Me } from '../../api/types';
import { formatDateTime } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { AdminTable } from './admin-table';
import { roleGrantsKey, useRoleGrants, usersKey, type RoleGrant } from './admin-api';

type Decision = 'confirm' | 'refuse';

/**
 * Roles that take two administrators (SUPERVISOR, AUDITOR, the platform-admin flag): the second one confirms or
 * refuses here. The proposer and the grantee may only refuse (the proposer withdraws), never confirm.
 */
export function RoleGrantsPanel({ me }: { me: Me }) {
  const grants = useRoleGrants();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: ({ grant, decision }: { grant: RoleGrant; decision: Decision }) =>
      api.post(`/role-grants/${grant.id}/${decision}`),
    onSuccess: async (_answer, { grant, decision }) => {
      const names = { name: grant.user.displayName, grant: grantName(grant.grant) };
      setNotice(t(decision === 'confirm' ? 'admin.grants.confirmed' : 'admin.grants.refused', names));
      await queryClient.invalidateQueries({ queryKey: roleGrantsKey });
      await queryClient.invalidateQueries({ queryKey: usersKey(grant.agencyId) });
    },
  });
  const items = grants.data?.items ?? [];

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('admin.grants.title')}
      </Title>
      <Text>{t('admin.grants.intro')}</Text>
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
      <ProblemAlert error={grants.error ?? decide.error} />
      <AdminTable
        pending={grants.isPending}
        empty={items.length === 0}
        emptyText={t('admin.grants.empty')}
        caption={t('admin.grants.title')}
        columns={[
          t('admin.grants.user'),
          t('admin.grants.grant'),
          t('admin.grants.proposedBy'),
          t('admin.grants.proposedAt'),
          t('admin.users.actions'),
        ]}
        minWidth={820}
        testId="role-grants"
      >
        {items.map((grant) => {
          const names = { name: grant.user.displayName, grant: grantName(grant.grant) };
          const mine = grant.proposedBy.id === me.id || grant.user.id === me.id;
          return (
            <Table.Tr key={grant.id}>
              <Table.Th scope="row" fw={400}>
                {grant.user.displayName} ({grant.user.email})
              </Table.Th>
              <Table.Td>
                <Badge variant="outline" color="indigo.9" size="sm">
                  {grantName(grant.grant)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {grant.proposedBy.id === me.id ? t('admin.grants.you') : grant.proposedBy.displayName}
              </Table.Td>
              <Table.Td>{formatDateTime(grant.proposedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {mine ? (
                    <Text size="sm">{t('admin.grants.awaitingOther')}</Text>
                  ) : (
                    <Button
                      size="xs"
                      onClick={() => decide.mutate({ grant, decision: 'confirm' })}
                      loading={decide.isPending && decide.variables?.grant.id === grant.id}
                      aria-label={t('admin.grants.confirmLabel', names)}
                    >
                      {t('admin.grants.confirm')}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    onClick={() => decide.mutate({ grant, decision: 'refuse' })}
                    aria-label={t('admin.grants.refuseLabel', names)}
                  >
                    {grant.proposedBy.id === me.id ? t('admin.grants.withdraw') : t('admin.grants.refuse')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </AdminTable>
    </Stack>
  );
}

function grantName(grant: RoleGrant['grant']): string {
  return grant === 'PLATFORM_ADMIN' ? t('admin.grants.platformAdmin') : grant;
}
