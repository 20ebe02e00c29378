import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { RequestKind, StatisticsView } from '../../api/types';

export type { CountCell, StatisticsView } from '../../api/types';

export interface StatisticsFilters {
  kind?: RequestKind;
  /** `YYYY-MM-DD` */
  from?: string;
  to?: string;
}

export function useStatistics(filters: StatisticsFilters) {
  return useQuery({
    queryKey: ['statistics', filters],
    queryFn: ({ signal }) => api.get<StatisticsView>('/statistics', { ...filters }, signal),
    placeholderData: (previous) => previous,
  });
}
