import { Badge, Button, Code, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { AdminTable } from './admin-table';
import { useWebhooks } from './admin-api';
import { CreateWebhookForm } from './create-webhook-form';
import { DeliveryLog } from './delivery-log';

/** The agency's webhook endpoints; choose one to see its delivery log and replay deliveries. */
export function WebhooksPanel() {
  const webhooks = useWebhooks();
  const [chosen, setChosen] = useState<string | null>(null);
  const items = webhooks.data?.items ?? [];
  const endpoint = items.find((item) => item.id === chosen) ?? null;

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('admin.webhooks.title')}
      </Title>
      <ProblemAlert error={webhooks.error} />
      <AdminTable
        pending={webhooks.isPending}
        empty={items.length === 0}
        emptyText={t('admin.webhooks.empty')}
        caption={t('admin.webhooks.title')}
        columns={[
          t('admin.webhooks.url'),
          t('admin.webhooks.events'),
          t('admin.webhooks.description'),
          t('admin.users.status'),
          t('admin.users.actions'),
        ]}
        minWidth={760}
        testId="webhook-endpoints"
      >
        {items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Th scope="row" fw={400}>
              <Code>{item.url}</Code>
            </Table.Th>
            <Table.Td>{item.events.join(', ')}</Table.Td>
            <Table.Td>{item.description ?? ''}</Table.Td>
            <Table.Td>
              <Badge variant="outline" color={item.active ? 'teal.9' : 'gray.8'}>
                {item.active ? t('admin.webhooks.active') : t('admin.webhooks.paused')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant={item.id === chosen ? 'filled' : 'default'}
                aria-pressed={item.id === chosen}
                onClick={() => setChosen(item.id)}
              >
                {t('admin.webhooks.showDeliveries')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {endpoint && <DeliveryLog endpoint={endpoint} />}
      <CreateWebhookForm />
    </Stack>
  );
}
