import { Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ProblemState } from '../../components/error-state';
import { t } from '../../i18n/t';
import { BOARD_REFRESH_SECONDS, memberAgencies, useBoard, useTaskForce, useTaskForces, type Board } from './board-api';
import { BoardColumnView } from './board-column';

/**
 * The task-force board: the linked requests in one column per state, polled so that a transition made anywhere
 * shows without a reload. The task force and member agency are in the URL (`?taskForce=&agency=`).
 */
export default function BoardPage() {
  const [params, setParams] = useSearchParams();
  const taskForces = useTaskForces();
  const items = taskForces.data?.items ?? [];
  const taskForceId = params.get('taskForce') ?? items[0]?.id ?? null;
  const agencyId = params.get('agency');
  const taskForce = useTaskForce(taskForceId);
  const board = useBoard(taskForceId, agencyId);

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

  const failure = taskForces.error ?? taskForce.error ?? board.error;
  if (failure) return <ProblemState error={failure} onRetry={() => void board.refetch()} />;
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
          {board.data ? (
            <BoardColumns board={board.data} updatedAt={board.dataUpdatedAt} />
          ) : (
            <Loader role="status" aria-label={t('app.loading')} />
          )}
        </>
      )}
    </Stack>
  );
}

/** The board's columns; a column's pages are forgotten when the task force or the agency filter changes. */
function BoardColumns({ board, updatedAt }: { board: Board; updatedAt: number }) {
  return (
    <>
      <Group gap="lg">
        <Text fw={600} data-testid="board-summary">
          {t('board.summary', { total: board.total, overdue: board.overdue })}
        </Text>
        <Text size="sm" c="gray.8">
          {t('board.refreshed', {
            time: new Date(updatedAt).toLocaleTimeString(),
            seconds: BOARD_REFRESH_SECONDS,
          })}
        </Text>
      </Group>
      {board.columns.length === 0 ? (
        <Text>{t('board.empty')}</Text>
      ) : (
        <Group align="flex-start" gap="md" aria-label={t('board.columnsLabel')} role="group">
          {board.columns.map((column) => (
            <BoardColumnView
              key={`${board.taskForceId}:${board.agencyId ?? ''}:${column.state}`}
              column={column}
              taskForceId={board.taskForceId}
              agencyId={board.agencyId}
            />
          ))}
        </Group>
      )}
    </>
  );
}
