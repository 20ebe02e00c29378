import { Alert, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { startTransition, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/http';
import type { MyWork, WorkItem } from '../../api/types';
import { ProblemState } from '../../components/error-state';
import { eventsPhrase, formatDateTime } from '../../components/labels';
import { StateBadge } from '../../components/state-badge';
import { deadlineUrgency, describeRemaining } from '../../components/time-left';
import { useNow } from '../../components/use-now';
import { t } from '../../i18n/t';

export const MY_WORK_QUERY_KEY = ['me', 'work'] as const;

/** The requests waiting on the viewer or their role, most urgent first: a worklist, not a log. */
export default function WorkPage() {
  const work = useQuery({
    queryKey: MY_WORK_QUERY_KEY,
    queryFn: ({ signal }) => api.get<MyWork>('/me/work', { limit: 1000 }, signal),
    refetchInterval: 30_000,
  });
  if (work.error) return <ProblemState error={work.error} onRetry={() => void work.refetch()} />;
  return (
    <Stack>
      <Title order={1}>{t('work.title')}</Title>
      <Text size="sm">{t('work.intro')}</Text>
      {!work.data ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : work.data.items.length === 0 ? (
        <Text>{t('work.empty')}</Text>
      ) : (
        <WorkTable items={work.data.items} />
      )}
      {work.data?.more && <Alert color="yellow">{t('work.more')}</Alert>}
    </Stack>
  );
}

/** Rows drawn in the first frame; the rest follow in a transition, so the most urgent show at once. */
const FIRST_ROWS = 50;

function WorkTable({ items }: { items: WorkItem[] }) {
  const now = useNow(60_000);
  const [drawn, setDrawn] = useState(FIRST_ROWS);
  useEffect(() => {
    if (drawn < items.length) startTransition(() => setDrawn(items.length));
  }, [drawn, items.length]);
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped highlightOnHover verticalSpacing="xs" captionSide="top" data-testid="work-table">
        <Table.Caption className="visually-hidden">{t('work.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('work.deadline')}</Table.Th>
            <Table.Th>{t('work.request')}</Table.Th>
            <Table.Th>{t('work.expected')}</Table.Th>
            <Table.Th>{t('work.counterpart')}</Table.Th>
            <Table.Th>{t('work.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.slice(0, drawn).map((item) => (
            <Table.Tr key={item.id} data-request={item.id}>
              <Table.Td>
                <Deadline item={item} now={now} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text
                    component={Link}
                    to={`/requests/${item.id}`}
                    ff="monospace"
                    fw={600}
                    c="indigo.9"
                    td="underline"
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {item.reference}
                  </Text>
                  <Text size="sm">{item.title}</Text>
                  {item.urgency === 'urgent' && (
                    <Badge color="red.9" size="xs" variant="outline">
                      {t('work.urgent')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                {item.expected.map((step) => (
                  <Text key={step.role} size="sm">
                    {t('work.asRole', {
                      someone: t(`someoneWithRole.${step.role}`),
                      events: eventsPhrase(step.events),
                    })}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {item.counterpart.name} ({item.counterpart.country})
                </Text>
              </Table.Td>
              <Table.Td>
                <StateBadge kind={item.kind} state={item.state} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const DEADLINE_COLOR = { overdue: 'red.9', soon: '#9c3d0a', ok: '#1e6b30' } as const;

function Deadline({ item, now }: { item: WorkItem; now: number }) {
  if (!item.dueAt) {
    return item.overdue ? (
      <Badge color="red.9">{t('detail.overdue')}</Badge>
    ) : (
      <Text size="sm" c="gray.8">
        {t('work.noDeadline')}
      </Text>
    );
  }
  const remaining = new Date(item.dueAt).getTime() - now;
  const urgency = item.overdue ? 'overdue' : deadlineUrgency(remaining);
  return (
    <Stack gap={2}>
      <Badge color={DEADLINE_COLOR[urgency]} variant={urgency === 'ok' ? 'outline' : 'filled'} data-urgency={urgency}>
        {describeRemaining(remaining)}
      </Badge>
      <Text size="xs" c="gray.8">
        {formatDateTime(item.dueAt)}
      </Text>
    </Stack>
  );
}
