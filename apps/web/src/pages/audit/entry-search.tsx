import { Button, Card, Group, Loader, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/http';
import type { Agency, AuditEntryPage } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import type { EntryFilters } from './audit-api';
import { AuditEntriesTable } from './audit-entries-table';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z][a-z0-9_.-]{0,99}$/;

interface SearchForm {
  actorUserId: string;
  agencyId: string;
  action: string;
  from: string;
  to: string;
}

/** A `datetime-local` value (the browser's time zone) as the ISO instant the API takes. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** Global search of the trail the auditor may read: by actor, actor's agency, action and time. */
export function EntrySearch() {
  const [filters, setFilters] = useState<EntryFilters | null>(null);
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: ({ signal }) => api.get<Agency[]>('/agencies', undefined, signal),
  });
  const form = useForm<SearchForm>({
    initialValues: { actorUserId: '', agencyId: '', action: '', from: '', to: '' },
    validate: {
      actorUserId: (value) => (!value || UUID.test(value.trim()) ? null : t('audit.actor')),
      action: (value) => (!value || ACTION.test(value.trim()) ? null : t('audit.actionHint')),
    },
  });
  const entries = useInfiniteQuery({
    queryKey: ['audit', 'entries', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditEntryPage>('/audit/entries', { ...filters, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: filters !== null,
  });
  const search = form.onSubmit((values) =>
    setFilters({
      actorUserId: values.actorUserId.trim() || undefined,
      agencyId: values.agencyId || undefined,
      action: values.action.trim() || undefined,
      from: toInstant(values.from),
      to: toInstant(values.to),
    }),
  );
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card withBorder component="section" aria-labelledby="audit-search-title">
      <Stack>
        <Title order={2} size="h3" id="audit-search-title">
          {t('audit.searchTitle')}
        </Title>
        <form onSubmit={search} aria-labelledby="audit-search-title">
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('audit.actor')} w={320} {...form.getInputProps('actorUserId')} />
            <Select
              label={t('audit.table.actor') + ' — ' + t('shell.agency')}
              data={[
                { value: '', label: t('requests.filters.any') },
                ...(agencies.data ?? []).map((agency) => ({
                  value: agency.id,
                  label: `${agency.name} (${agency.country})`,
                })),
              ]}
              w={300}
              allowDeselect={false}
              {...form.getInputProps('agencyId')}
            />
            <TextInput
              label={t('audit.action')}
              placeholder={t('audit.actionHint')}
              w={220}
              {...form.getInputProps('action')}
            />
            <TextInput type="datetime-local" label={t('audit.from')} w={220} {...form.getInputProps('from')} />
            <TextInput type="datetime-local" label={t('audit.to')} w={220} {...form.getInputProps('to')} />
            <Button type="submit">{t('audit.search')}</Button>
            <Button
              variant="default"
              onClick={() => {
                form.reset();
                setFilters(null);
              }}
            >
              {t('audit.clear')}
            </Button>
          </Group>
        </form>
        <ProblemAlert error={entries.error} />
        {filters && entries.isPending && <Loader size="sm" role="status" aria-label={t('app.loading')} />}
        {filters && entries.data && <AuditEntriesTable entries={items} caption={t('audit.results')} />}
        {entries.hasNextPage && (
          <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
