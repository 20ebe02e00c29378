import { Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { isApiProblem } from '../../api/api-problem';
import { api } from '../../api/http';
import type { RequestSummaryPage } from '../../api/types';
import { ProblemAlert } from '../../components/problem-alert';
import { t } from '../../i18n/t';
import type { AuditEntry } from './audit-api';
import { AuditEntriesTable } from './audit-entries-table';

/** The whole trail of one request, found by its reference; `?reference=` keeps it in the URL. */
export function RequestTrail() {
  const [params, setParams] = useSearchParams();
  const reference = params.get('reference') ?? '';
  const [typed, setTyped] = useState(reference);
  const trail = useQuery({
    queryKey: ['audit', 'trail', reference],
    queryFn: async ({ signal }) => {
      const found = await api.get<RequestSummaryPage>('/requests', { q: reference, limit: 20 }, signal);
      const request = found.items.find((item) => item.reference === reference);
      if (!request) return null;
      return api.get<AuditEntry[]>(`/requests/${request.id}/trail`, undefined, signal);
    },
    enabled: reference.length >= 3,
  });
  const show = (event: FormEvent) => {
    event.preventDefault();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('reference', typed.trim().toUpperCase());
        return next;
      },
      { replace: true },
    );
  };
  const notFound = trail.data === null || (isApiProblem(trail.error) && trail.error.status === 404);

  return (
    <Card withBorder component="section" aria-labelledby="audit-trail-title">
      <Stack>
        <Title order={2} size="h3" id="audit-trail-title">
          {t('audit.requestTrailTitle')}
        </Title>
        <form onSubmit={show} aria-labelledby="audit-trail-title">
          <Group align="flex-end">
            <TextInput
              label={t('audit.requestReference')}
              placeholder={t('audit.requestReferenceHint')}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              w={260}
              minLength={3}
            />
            <Button type="submit" disabled={typed.trim().length < 3}>
              {t('audit.showTrail')}
            </Button>
          </Group>
        </form>
        {trail.isFetching && <Loader size="sm" role="status" aria-label={t('app.loading')} />}
        {notFound ? <Text role="status">{t('audit.requestNotFound')}</Text> : <ProblemAlert error={trail.error} />}
        {trail.data && (
          <AuditEntriesTable entries={trail.data} caption={`${t('audit.requestTrailTitle')}: ${reference}`} />
        )}
      </Stack>
    </Card>
  );
}
