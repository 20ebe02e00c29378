import { Box, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { describeWorkflow, REQUEST_KINDS, type RequestKind } from '@liaison/domain';
import { useSearchParams } from 'react-router';
import { kindLabel } from '../../components/labels';
import { ProblemState } from '../../components/error-state';
import { t } from '../../i18n/t';
import { BOARD_REFRESH_SECONDS, memberAgencies, useBoard, useTaskForce, useTaskForces, type Board } from './board-api';
import { BoardColumnView } from './board-column';

/**
 * The task-force board: one set of lanes per kind of request, a lane per state in workflow order (scrolling
 * sideways rather than wrapping, final states folded), polled so that a transition made anywhere shows without a
 * reload. The task force and member agency are in the URL (`?taskForce=&agency=`).
 */
export default function BoardPage() {
  const [params, setParams] = useSearchParams();
  const taskForces = useTaskForces();
  const items = taskForces.data?.items ?? [];
  const taskForceId = params.get('taskForce') ?? items[0]?.id ?? null;
  const agencyId = params.get('agency');
  const taskForce = useTaskForce(taskForceId);
  const mla = useBoard(taskForceId, agencyId, 'mla');
  const extradition = useBoard(taskForceId, agencyId, 'extradition');
  const repatriation = useBoard(taskForceId, agencyId, 'repatriation');
  const boards = [mla, extradition, repatriation];

  const choose = (name: 'taskForce' | 'agency', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name === 'taskForce') next.delete('agency');
        return next;
      },
      { replace: true },
    );

  const failure = taskForces.error ?? taskForce.error ?? boards.find((board) => board.error)?.error;
  if (failure) return <ProblemState error={failure} onRetry={() => boards.forEach((board) => void board.refetch())} />;
  if (taskForces.isPending) return <Loader role="status" aria-label={t('app.loading')} />;

  return (
    <Stack>
      <Title order={1}>{t('board.title')}</Title>
      {items.length === 0 ? (
        <Text>{t('board.noTaskForces')}</Text>
      ) : (
        <>
          <Group align="flex-end">
            <Select
              label={t('board.taskForce')}
              data={items.map((item) => ({ value: item.id, label: item.name }))}
              value={taskForceId}
              onChange={(value) => choose('taskForce', value)}
              allowDeselect={false}
              w={320}
            />
            <Select
              label={t('board.memberAgency')}
              data={[
                { value: '', label: t('board.allAgencies') },
                ...(taskForce.data ? memberAgencies(taskForce.data) : []).map((agency) => ({
                  value: agency.id,
                  label: `${agency.name} (${agency.country})`,
                })),
              ]}
              value={agencyId ?? ''}
              onChange={(value) => choose('agency', value || null)}
              allowDeselect={false}
              w={380}
            />
          </Group>
          {mla.data && extradition.data && repatriation.data ? (
            <BoardLanes
              boards={[mla.data, extradition.data, repatriation.data]}
              updatedAt={Math.min(...boards.map((board) => board.dataUpdatedAt))}
            />
          ) : (
            <Loader role="status" aria-label={t('app.loading')} />
          )}
        </>
      )}
    </Stack>
  );
}

/** The boards of the three kinds (in REQUEST_KINDS order): a summary, then each kind's lanes if it has requests. */
function BoardLanes({ boards, updatedAt }: { boards: Board[]; updatedAt: number }) {
  const total = boards.reduce((sum, board) => sum + board.total, 0);
  const overdue = boards.reduce((sum, board) => sum + board.overdue, 0);
  return (
    <>
      <Group gap="lg">
        <Text fw={600} data-testid="board-summary">
          {t('board.summary', { total, overdue })}
        </Text>
        <Text size="sm" c="gray.8">
          {t('board.refreshed', {
            time: new Date(updatedAt).toLocaleTimeString(),
            seconds: BOARD_REFRESH_SECONDS,
          })}
        </Text>
      </Group>
      {total === 0 ? (
        <Text>{t('board.empty')}</Text>
      ) : (
        REQUEST_KINDS.map((kind, index) =>
          boards[index].total > 0 ? <KindLanes key={kind} kind={kind} board={boards[index]} /> : null,
        )
      )}
    </>
  );
}

/**
 * One kind's lanes: every state of its workflow in order (the requesting side's internal states only when they
 * hold a request), scrolling sideways; a column's pages are forgotten when the task force or the agency changes.
 */
function KindLanes({ kind, board }: { kind: RequestKind; board: Board }) {
  const workflow = describeWorkflow(kind);
  const counted = new Map(board.columns.map((column) => [column.state, column]));
  const lanes = workflow.states
    .filter((state) => !state.internal || counted.has(state.name))
    .map((state) => ({
      final: state.final,
      column: counted.get(state.name) ?? { state: state.name, count: 0, overdue: 0, cards: [], nextCursor: null },
    }));
  const headingId = `lanes-${kind}`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs" data-testid="board-lanes" data-kind={kind}>
      <Title order={2} size="h4" id={headingId}>
        {t('board.lanesOf', {
          kind: kindLabel(kind),
          requests: board.total === 1 ? t('board.oneRequest') : t('board.requestCount', { total: board.total }),
          overdue: board.overdue,
        })}
      </Title>
      <Box
        style={{ overflowX: 'auto' }}
        pb="sm"
        tabIndex={0}
        role="group"
        aria-label={t('board.lanesLabel', { kind: kindLabel(kind) })}
      >
        <Group align="flex-start" gap="md" wrap="nowrap">
          {lanes.map(({ column, final }) => (
            <BoardColumnView
              key={`${board.taskForceId}:${board.agencyId ?? ''}:${kind}:${column.state}`}
              column={column}
              kind={kind}
              final={final}
              taskForceId={board.taskForceId}
              agencyId={board.agencyId}
            />
          ))}
        </Group>
      </Box>
    </Stack>
  );
}
