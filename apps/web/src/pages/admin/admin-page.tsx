import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { hasAnyRole, useSession } from '../../auth/session';
import { t } from '../../i18n/t';
import { QueuesPanel } from './queues-panel';
import { RoleGrantsPanel } from './role-grants-panel';
import { SsoPanel } from './sso-panel';
import { UsersPanel } from './users-panel';
import { WebhooksPanel } from './webhooks-panel';

type Tab = 'users' | 'grants' | 'webhooks' | 'sso' | 'queues';

/**
 * The agency's administrators: users and roles, grants awaiting a second administrator, webhooks; platform admins
 * also decide the platform-admin flag and reach the queue dashboard.
 */
export default function AdminPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  if (!me) return null;
  const agencyAdmin = hasAnyRole(me, 'ADMIN');
  if (!agencyAdmin && !me.platformAdmin) {
    return (
      <Stack>
        <Title order={1}>{t('admin.title')}</Title>
        <Alert color="yellow" role="status">
          {t('admin.notAdmin')}
        </Alert>
      </Stack>
    );
  }
  const tabs: Tab[] = [
    ...(agencyAdmin ? (['users'] as const) : []),
    ...(agencyAdmin || me.platformAdmin ? (['grants'] as const) : []),
    ...(agencyAdmin ? (['webhooks', 'sso'] as const) : []),
    ...(me.platformAdmin ? (['queues'] as const) : []),
  ];
  const requested = params.get('tab') as Tab | null;
  const tab = requested && tabs.includes(requested) ? requested : tabs[0];

  return (
    <Stack>
      <Title order={1}>{t('admin.title')}</Title>
      <Tabs value={tab} onChange={(value) => value && setParams({ tab: value }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`admin.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="grants" pt="md">
          <RoleGrantsPanel me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="webhooks" pt="md">
          <WebhooksPanel />
        </Tabs.Panel>
        <Tabs.Panel value="sso" pt="md">
          <SsoPanel agencyId={me.agency.id} />
        </Tabs.Panel>
        <Tabs.Panel value="queues" pt="md">
          <QueuesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
