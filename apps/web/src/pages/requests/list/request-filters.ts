import { isRequestKind, type RequestKind } from '@liaison/domain';
import type { Query } from '../../../api/http';

export type RequestTab = 'incoming' | 'outgoing' | 'task_force';

/** The list's filters, exactly as the URL keeps them (so a view can be shared). */
export interface RequestFilters {
  tab: RequestTab;
  kind?: RequestKind;
  state?: string;
  counterpartCountry?: string;
  legalBasis?: string;
  overdue: boolean;
  q?: string;
  taskForceId?: string;
  cursor?: string;
}

const TABS: readonly RequestTab[] = ['incoming', 'outgoing', 'task_force'];

export function readFilters(params: URLSearchParams): RequestFilters {
  const tab = params.get('tab');
  const kind = params.get('kind');
  return {
    tab: TABS.includes(tab as RequestTab) ? (tab as RequestTab) : 'incoming',
    kind: isRequestKind(kind) ? kind : undefined,
    state: params.get('state') ?? undefined,
    counterpartCountry: params.get('counterpartCountry') ?? undefined,
    legalBasis: params.get('legalBasis') ?? undefined,
    overdue: params.get('overdue') === 'true',
    q: params.get('q') ?? undefined,
    taskForceId: params.get('taskForceId') ?? undefined,
    cursor: params.get('cursor') ?? undefined,
  };
}

/** The new URL parameters after a change; any change of filter goes back to the first page. */
export function writeFilters(current: RequestFilters, change: Partial<RequestFilters>): URLSearchParams {
  const next = { ...current, cursor: undefined, ...change };
  const params = new URLSearchParams();
  if (next.tab !== 'incoming') params.set('tab', next.tab);
  for (const name of ['kind', 'state', 'counterpartCountry', 'legalBasis', 'q', 'taskForceId', 'cursor'] as const) {
    const value = next[name];
    if (value) params.set(name, value);
  }
  if (next.overdue) params.set('overdue', 'true');
  return params;
}

/** `GET /v1/requests` parameters for the filters; text under 3 characters is not sent (the API refuses it). */
export function searchQuery(filters: RequestFilters, limit: number): Query {
  const q = filters.q?.trim();
  return {
    direction: filters.tab === 'task_force' ? undefined : filters.tab,
    taskForceId: filters.tab === 'task_force' ? filters.taskForceId : undefined,
    kind: filters.kind,
    state: filters.state,
    counterpartCountry: filters.counterpartCountry?.toUpperCase(),
    legalBasis: filters.legalBasis,
    overdue: filters.overdue || undefined,
    q: q && q.length >= 3 ? q : undefined,
    cursor: filters.cursor,
    limit,
  };
}
