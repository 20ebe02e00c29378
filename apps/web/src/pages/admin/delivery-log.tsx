import { Alert, Badge, Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http';
import { formatDateTime } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import { AdminTable } from './admin-table';
import { deliveriesKey, useDeliveries, type WebhookDelivery, type WebhookEndpoint } from './admin-api';

const STATUS_COLOR = { pending: 'indigo.9', delivered: 'teal.9', failed: 'red.9', cancelled: 'gray.8' } as const;

/** An endpoint's deliveries with every attempt's answer; replay sends one again (same event id and body). */
export function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const queryClient = useQueryClient();
  const deliveries = useDeliveries(endpoint.id);
  const replay = useMutation({
    mutationFn: (delivery: WebhookDelivery) =>
      api.post<WebhookDelivery>(`/webhooks/${endpoint.id}/deliveries/${delivery.id}/replay`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(endpoint.id) }),
  });
  const items = deliveries.data?.items ?? [];
  const title = t('admin.webhooks.deliveries', { url: endpoint.url });

  return (
    <Stack component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title}
      </Title>
      <ProblemAlert error={deliveries.error ?? replay.error} />
      {replay.data && (
        <Alert color="green" variant="light" role="status">
          {t('admin.webhooks.replayed', { event: replay.data.data.eventId })}
        </Alert>
      )}
      <AdminTable
        pending={deliveries.isPending}
        empty={items.length === 0}
        emptyText={t('admin.webhooks.noDeliveries')}
        caption={title}
        columns={[
          t('admin.webhooks.table.occurredAt'),
          t('admin.webhooks.table.type'),
          t('admin.webhooks.table.eventId'),
          t('admin.webhooks.table.status'),
          t('admin.webhooks.table.attempts'),
          t('admin.webhooks.table.lastAttempt'),
          t('admin.webhooks.table.replays'),
          t('admin.webhooks.table.actions'),
        ]}
        minWidth={860}
        testId="webhook-deliveries"
      >
        {items.map((delivery) => {
          const last = delivery.attempts.at(-1);
          return (
            <Table.Tr key={delivery.id} data-event-id={delivery.eventId}>
              <Table.Td>{formatDateTime(delivery.occurredAt)}</Table.Td>
              <Table.Td>
                <Code>{delivery.eventType}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {delivery.eventId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[delivery.status]} variant="outline" data-testid="delivery-status">
                  {t(`admin.webhooks.statuses.${delivery.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td data-testid="delivery-attempts">{delivery.attempts.length}</Table.Td>
              <Table.Td>
                {last ? `${last.status ?? t('admin.webhooks.noAnswer')}${last.error ? ` (${last.error})` : ''}` : '—'}
              </Table.Td>
              <Table.Td data-testid="delivery-replays">{delivery.replays}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  disabled={!endpoint.active || delivery.status === 'pending'}
                  loading={replay.isPending && replay.variables?.id === delivery.id}
                  onClick={() => replay.mutate(delivery)}
                  aria-label={t('admin.webhooks.replayOf', { event: delivery.eventId, type: delivery.eventType })}
                >
                  {t('admin.webhooks.replay')}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </AdminTable>
    </Stack>
  );
}
