import { Button, Group, Loader, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/http';
import type { RequestSummaryPage, TaskForceSummaryPage } from '../../api/types';
import { hasAnyRole, useSession } from '../../auth/session';
import { ProblemState } from '../../components/error-state';
import { t } from '../../i18n/t';
import { RequestFilterBar } from './list/request-filter-bar';
import { readFilters, searchQuery, writeFilters, type RequestFilters, type RequestTab } from './list/request-filters';
import { RequestTable } from './list/request-table';

const PAGE_SIZE = 50;

export default function RequestsPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const { me } = useSession();
  const change = (update: Partial<RequestFilters>) => setParams(writeFilters(filters, update));

  const taskForces = useQuery({
    queryKey: ['task-forces'],
    queryFn: ({ signal }) => api.get<TaskForceSummaryPage>('/task-forces', { limit: 200 }, signal),
    enabled: filters.tab === 'task_force',
  });
  const taskForceId = filters.taskForceId ?? taskForces.data?.items[0]?.id;
  const effective = { ...filters, taskForceId };
  const waitingForTaskForce = filters.tab === 'task_force' && !taskForceId;

  const requests = useQuery({
    queryKey: ['requests', searchQuery(effective, PAGE_SIZE)],
    queryFn: ({ signal }) => api.get<RequestSummaryPage>('/requests', searchQuery(effective, PAGE_SIZE), signal),
    enabled: !waitingForTaskForce,
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('requests.title')}</Title>
        {hasAnyRole(me, 'OFFICER', 'SUPERVISOR') && (
          <Button component={Link} to="/requests/new">
            {t('requests.newRequest')}
          </Button>
        )}
      </Group>
      <Tabs value={filters.tab} onChange={(tab) => change({ tab: (tab as RequestTab) ?? 'incoming' })}>
        <Tabs.List aria-label={t('requests.tabs.label')}>
          <Tabs.Tab value="incoming">{t('requests.tabs.incoming')}</Tabs.Tab>
          <Tabs.Tab value="outgoing">{t('requests.tabs.outgoing')}</Tabs.Tab>
          <Tabs.Tab value="task_force">{t('requests.tabs.taskForce')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {filters.tab === 'task_force' && (
        <Select
          label={t('requests.filters.taskForce')}
          data={(taskForces.data?.items ?? []).map((force) => ({ value: force.id, label: force.name }))}
          value={taskForceId ?? null}
          onChange={(id) => change({ taskForceId: id ?? undefined })}
          w={320}
          allowDeselect={false}
        />
      )}
      <RequestFilterBar filters={filters} onChange={change} />
      <Results
        requests={requests}
        noTaskForce={waitingForTaskForce && taskForces.isSuccess}
        onNext={(cursor) => change({ ...filters, cursor })}
        onFirst={filters.cursor ? () => change({ ...filters, cursor: undefined }) : undefined}
      />
    </Stack>
  );
}

function Results({
  requests,
  noTaskForce,
  onNext,
  onFirst,
}: {
  requests: ReturnType<typeof useQuery<RequestSummaryPage>>;
  noTaskForce: boolean;
  onNext: (cursor: string) => void;
  onFirst?: () => void;
}) {
  if (noTaskForce) return <Text>{t('requests.filters.noTaskForces')}</Text>;
  if (requests.error) return <ProblemState error={requests.error} onRetry={() => void requests.refetch()} />;
  if (!requests.data) return <Loader role="status" aria-label={t('app.loading')} />;
  const { items, nextCursor } = requests.data;
  return (
    <Stack aria-busy={requests.isFetching}>
      {items.length === 0 ? <Text>{t('requests.empty')}</Text> : <RequestTable rows={items} />}
      <Group>
        {onFirst && (
          <Button variant="default" onClick={onFirst}>
            {t('requests.firstPage')}
          </Button>
        )}
        {nextCursor && (
          <Button variant="default" onClick={() => onNext(nextCursor)}>
            {t('requests.nextPage')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
