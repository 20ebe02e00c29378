import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { Board, BoardColumn, Party, RequestKind, TaskForceDetail, TaskForceSummaryPage } from '../../api/types';

export type { Board, BoardCard, BoardColumn, TaskForceDetail } from '../../api/types';

/** The board is polled: another agency's transition shows within this many seconds, without a reload. */
export const BOARD_REFRESH_SECONDS = 5;

/** Cards a column shows at first, and how many more each "Show more" brings. */
export const BOARD_PAGE_SIZE = 25;

export function useTaskForces() {
  return useQuery({
    queryKey: ['task-forces'],
    queryFn: ({ signal }) => api.get<TaskForceSummaryPage>('/task-forces', { limit: 200 }, signal),
  });
}

export function useTaskForce(id: string | null) {
  return useQuery({
    queryKey: ['task-force', id],
    queryFn: ({ signal }) => api.get<TaskForceDetail>(`/task-forces/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

/** One kind's columns, each with its first page and the counts of the whole column; polled. */
export function useBoard(taskForceId: string | null, agencyId: string | null, kind: RequestKind) {
  return useQuery({
    queryKey: ['board', taskForceId, agencyId, kind],
    queryFn: ({ signal }) =>
      api.get<Board>(
        `/task-forces/${taskForceId}/board`,
        { agencyId: agencyId ?? undefined, kind, perColumn: BOARD_PAGE_SIZE },
        signal,
      ),
    enabled: taskForceId !== null,
    refetchInterval: BOARD_REFRESH_SECONDS * 1000,
    refetchIntervalInBackground: false,
    placeholderData: (previous) => previous,
  });
}

/**
 * One column's pages, once the user asked for more than the board's first page: polled like the board, every page
 * loaded so far refetched in turn, so that a card which moved is neither lost nor shown twice.
 */
export function useBoardColumn(
  taskForceId: string,
  agencyId: string | null,
  kind: RequestKind,
  state: string,
  enabled: boolean,
) {
  return useInfiniteQuery({
    queryKey: ['board-column', taskForceId, agencyId, kind, state],
    queryFn: async ({ pageParam, signal }) => {
      const query = { agencyId: agencyId ?? undefined, kind, state, after: pageParam, perColumn: BOARD_PAGE_SIZE };
      const page = await api.get<Board>(`/task-forces/${taskForceId}/board`, query, signal);
      return page.columns[0] ?? { state, count: 0, overdue: 0, cards: [], nextCursor: null };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: BoardColumn) => last.nextCursor ?? undefined,
    enabled,
    refetchInterval: BOARD_REFRESH_SECONDS * 1000,
    refetchIntervalInBackground: false,
  });
}

/** Every agency of the task force (lead and members'), once each, by name. */
export function memberAgencies(taskForce: TaskForceDetail): Party[] {
  const agencies = new Map<string, Party>([[taskForce.leadAgency.id, taskForce.leadAgency]]);
  for (const member of taskForce.members) agencies.set(member.agency.id, member.agency);
  return [...agencies.values()].sort((a, b) => a.name.localeCompare(b.name));
}
