import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { CursorPage, Party, RequestKind, TaskForceSummary } from '../../api/types';

/** `GET /v1/task-forces/:id/board` (libs/agencies BoardDto). */
export interface BoardCard {
  id: string;
  reference: string;
  kind: RequestKind;
  state: string;
  handlingCode: string;
  viewerSide: 'requesting' | 'requested' | null;
  counterpart: Party | null;
  parties?: { requesting: Party; requested: Party };
  ageDays: number;
  createdAt: string;
  lastActivityAt: string;
  overdue: boolean;
}

export interface BoardColumn {
  state: string;
  cards: BoardCard[];
}

export interface Board {
  taskForceId: string;
  agencyId: string | null;
  total: number;
  overdue: number;
  columns: BoardColumn[];
}

/** `GET /v1/task-forces/:id` (TaskForceDto): what the member-agency filter offers. */
export interface TaskForceDetail {
  id: string;
  name: string;
  leadAgency: Party;
  members: { userId: string; displayName: string; agency: Party; readOnly: boolean }[];
}

/** The board is polled: another agency's transition shows within this many seconds, without a reload. */
export const BOARD_REFRESH_SECONDS = 5;

export function useTaskForces() {
  return useQuery({
    queryKey: ['task-forces'],
    queryFn: ({ signal }) => api.get<CursorPage<TaskForceSummary>>('/task-forces', { limit: 200 }, signal),
  });
}

export function useTaskForce(id: string | null) {
  return useQuery({
    queryKey: ['task-force', id],
    queryFn: ({ signal }) => api.get<TaskForceDetail>(`/task-forces/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useBoard(taskForceId: string | null, agencyId: string | null) {
  return useQuery({
    queryKey: ['board', taskForceId, agencyId],
    queryFn: ({ signal }) =>
      api.get<Board>(`/task-forces/${taskForceId}/board`, { agencyId: agencyId ?? undefined }, signal),
    enabled: taskForceId !== null,
    refetchInterval: BOARD_REFRESH_SECONDS * 1000,
    refetchIntervalInBackground: false,
    placeholderData: (previous) => previous,
  });
}

/** Every agency of the task force (lead and members'), once each, by name. */
export function memberAgencies(taskForce: TaskForceDetail): Party[] {
  const agencies = new Map<string, Party>([[taskForce.leadAgency.id, taskForce.leadAgency]]);
  for (const member of taskForce.members) agencies.set(member.agency.id, member.agency);
  return [...agencies.values()].sort((a, b) => a.name.localeCompare(b.name));
}
