import { useQuery } from '@tanstack/react-query';
import { ApiProblem } from '../../api/api-problem';
import { api, refreshTokens } from '../../api/http';
import type { CheckpointPage } from '../../api/types';
import { tokenStore } from '../../auth/token-store';

export type { AuditEntry, Checkpoint, Verification } from '../../api/types';

export interface EntryFilters {
  actorUserId?: string;
  agencyId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export function useLatestCheckpoint() {
  return useQuery({
    queryKey: ['audit', 'checkpoints', 'latest'],
    queryFn: async ({ signal }) =>
      (await api.get<CheckpointPage>('/audit/checkpoints', { order: 'desc', limit: 1 }, signal)).items[0] ?? null,
  });
}

/**
 * The export is a stream of JSON Lines: fetched with the session's token (a plain link could not send it), then
 * handed to the browser as a download.
 */
export async function downloadExport(): Promise<void> {
  const fetchExport = (token: string | undefined) =>
    fetch('/v1/audit/export', { headers: token ? { authorization: `Bearer ${token}` } : {} });
  let response = await fetchExport(tokenStore.get()?.accessToken);
  if (response.status === 401) response = await fetchExport((await refreshTokens())?.accessToken);
  if (!response.ok) throw new ApiProblem(response.status, await response.json().catch(() => ({})));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'liaison-audit-export.jsonl';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
