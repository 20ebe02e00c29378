import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/http';
import type { RequestKind } from '../../api/types';

/** `GET /v1/statistics` (libs/requests StatisticsView): a count, or null and suppressed when withheld. */
export interface CountCell {
  count: number | null;
  suppressed: boolean;
}

export interface StatisticsView {
  scope: 'all' | 'agency';
  filters: { kind: RequestKind | null; from: string | null; to: string | null };
  suppressionThreshold: number;
  method: { scope: string; suppression: string; timeInState: string; overdueRate: string };
  generatedAt: string;
  requests: {
    total: CountCell;
    byKind: (CountCell & { kind: RequestKind })[];
    byState: (CountCell & { kind: RequestKind; state: string })[];
    byCountryPair: (CountCell & { requestingCountry: string; requestedCountry: string })[];
    byLegalBasis: (CountCell & { legalBasis: string })[];
    byMonth: (CountCell & { month: string })[];
  };
  timeInState: {
    kind: RequestKind;
    state: string;
    stays: number | null;
    medianSeconds: number | null;
    p90Seconds: number | null;
    suppressed: boolean;
  }[];
  overdueRates: {
    deadlineKind: string;
    ran: number | null;
    overdue: number | null;
    rate: number | null;
    suppressed: boolean;
  }[];
  victims: {
    total: CountCell;
    byGender: (CountCell & { gender: string })[];
    byAgeBand: (CountCell & { ageBand: string })[];
    byNationality: (CountCell & { nationality: string })[];
  };
}

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
