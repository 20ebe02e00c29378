import { Alert, Badge, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkflowDescription } from '@liaison/domain';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/http';
import type { Agency, Attachment, HistoryEntry, RequestView, TransitionResult } from '../../api/types';
import { ProblemState } from '../../components/error-state';
import { StateBadge } from '../../components/state-badge';
import { humanize, kindLabel } from '../../components/labels';
import { t } from '../../i18n/t';
import { AttachmentList } from './attachments/attachment-list';
import { ActionDialog } from './detail/action-dialog';
import { Deadlines } from './detail/deadlines';
import { HistoryTimeline } from './detail/history-timeline';
import { PersonsPanel } from './detail/persons-panel';
import { RequestContentView, RequestSummary } from './detail/request-summary';
import { WaitingOnPanel } from './detail/waiting-on-panel';
import { WorkflowProgress } from './detail/workflow-progress';
import { WorkflowDiagram } from './detail/workflow-diagram';
import { useSession } from '../../auth/session';

export default function RequestDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { me } = useSession();
  const [acting, setActing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ event: string; result: TransitionResult } | null>(null);

  const request = useQuery({
    queryKey: ['request', id],
    queryFn: ({ signal }) => api.get<RequestView>(`/requests/${id}`, undefined, signal),
    refetchInterval: 30_000,
  });
  const kind = request.data?.kind;
  const legalBasis = request.data?.legalBasis;
  const workflow = useQuery({
    queryKey: ['workflow', kind, legalBasis],
    queryFn: ({ signal }) => api.get<WorkflowDescription>(`/workflows/${kind}`, { legalBasis }, signal),
    enabled: !!kind,
    staleTime: Infinity,
  });
  const history = useQuery({
    queryKey: ['request', id, 'history', request.data?.version],
    queryFn: ({ signal }) => api.get<{ items: HistoryEntry[] }>(`/requests/${id}/history`, undefined, signal),
    enabled: request.isSuccess,
  });
  const attachments = useQuery({
    queryKey: ['request', id, 'attachments'],
    queryFn: ({ signal }) => api.get<{ items: Attachment[] }>(`/requests/${id}/attachments`, undefined, signal),
    enabled: request.isSuccess,
  });
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: ({ signal }) => api.get<Agency[]>('/agencies', undefined, signal),
    enabled: acting !== null,
    staleTime: 5 * 60_000,
  });

  if (request.error) return <ProblemState error={request.error} onRetry={() => void request.refetch()} />;
  if (!request.data) return <Loader role="status" aria-label={t('app.loading')} />;
  const view = request.data;
  const notice = (location.state as { notice?: string } | null)?.notice;
  const actingEvent = workflow.data?.events.find((event) => event.name === acting);
  const destructive = new Set(workflow.data?.events.filter((event) => event.destructive).map((event) => event.name));

  const done = (result: TransitionResult) => {
    setOutcome({ event: acting ?? '', result });
    setActing(null);
    queryClient.setQueryData(['request', id], result);
    void queryClient.invalidateQueries({ queryKey: ['requests'] });
    void queryClient.invalidateQueries({ queryKey: ['me', 'work'] });
    void queryClient.invalidateQueries({ queryKey: ['request', id, 'history'] });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} ff="monospace">
              {view.reference}
            </Title>
            <StateBadge kind={view.kind} state={view.state} size="lg" data-testid="request-state" />
            {view.overdue && (
              <Badge size="lg" color="red.9" variant="filled">
                {t('detail.overdue')}
              </Badge>
            )}
          </Group>
          <Text fw={500}>{view.title}</Text>
          <Text size="sm" c="gray.8">
            {kindLabel(view.kind)} · {t('detail.version', { version: view.version })}
          </Text>
        </Stack>
        {view.state === 'draft' && view.relation === 'requesting' && (
          <Button component={Link} to={`/requests/${view.id}/edit`} variant="default">
            {t('detail.edit')}
          </Button>
        )}
      </Group>
      {notice && !outcome && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      {outcome && (
        <Alert color="green" role="status">
          <Text size="sm">
            {t('detail.accepted', { event: humanize(outcome.event), state: humanize(outcome.result.state) })}
          </Text>
          {outcome.result.warnings.length > 0 && (
            <Text size="sm" mt={4}>
              {t('detail.warnings')} {outcome.result.warnings.join(' ')}
            </Text>
          )}
        </Alert>
      )}
      {view.childVictim && (
        <Alert color="red.9" variant="filled" title={t('detail.childVictimTitle')} data-testid="child-victim">
          {t('detail.childVictim')}
        </Alert>
      )}
      {workflow.data && me && (
        <WaitingOnPanel workflow={workflow.data} request={view} me={me} history={history.data?.items ?? []} />
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            {workflow.data && (
              <WorkflowProgress workflow={workflow.data} current={view.state} childVictim={view.childVictim === true} />
            )}
            <RequestSummary request={view} />
            <RequestContentView request={view} />
            <Paper withBorder p="md" component="section" aria-labelledby="workflow-heading">
              <Title order={2} size="h4" id="workflow-heading" mb="sm">
                {t('detail.workflow')}
              </Title>
              {workflow.data ? (
                <WorkflowDiagram workflow={workflow.data} current={view.state} />
              ) : (
                <Loader size="sm" role="status" aria-label={t('app.loading')} />
              )}
            </Paper>
            <PersonsPanel requestId={view.id} relation={view.relation} />
            <Paper withBorder p="md" component="section" aria-labelledby="attachments-title">
              <Title order={2} size="h4" id="attachments-title" mb="sm">
                {t('detail.attachments')}
              </Title>
              <AttachmentList attachments={attachments.data?.items ?? []} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <Paper withBorder p="md" component="section" aria-labelledby="actions-title">
              <Title order={2} size="h4" id="actions-title" mb="sm">
                {t('detail.actions')}
              </Title>
              {view.allowedEvents.length === 0 ? (
                <Text size="sm">{t('detail.actionsEmpty')}</Text>
              ) : (
                <Group gap="xs">
                  {view.allowedEvents.map((event) => (
                    <Button
                      key={event}
                      onClick={() => setActing(event)}
                      disabled={!workflow.data}
                      color={destructive.has(event) ? 'red.9' : undefined}
                      variant={destructive.has(event) ? 'outline' : 'filled'}
                    >
                      {humanize(event)}
                    </Button>
                  ))}
                </Group>
              )}
            </Paper>
            <Deadlines timers={view.timers} workflow={workflow.data} />
            <HistoryTimeline entries={history.data?.items ?? []} request={view} workflow={workflow.data} />
          </Stack>
        </Grid.Col>
      </Grid>
      {actingEvent && workflow.data && (
        <ActionDialog
          request={view}
          event={actingEvent}
          history={history.data?.items ?? []}
          context={{
            workflow: workflow.data,
            attachments: attachments.data?.items ?? [],
            agencies: agencies.data ?? [],
          }}
          onClose={() => setActing(null)}
          onDone={done}
        />
      )}
    </Stack>
  );
}
