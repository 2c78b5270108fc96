// Reads for the analytics page. Periods are fixed instants, so the same picker choice reuses its data.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './transport.ts';
import type { AnalyticsSummary, BreakdownRow, Dimension, Interval } from './types.ts';

export interface Period {
  from: string;
  to: string;
}

const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();

export function useAnalyticsSummary(period: Period | null, interval: Interval) {
  return useQuery({
    enabled: period !== null,
    queryKey: ['analytics', 'summary', period, interval],
    queryFn: () =>
      api.get<AnalyticsSummary>(`/api/v1/analytics/summary?${qs({ ...(period ?? {}), interval })}`),
    // A new period keeps the old figures on screen (dimmed) instead of flashing skeletons.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** 500 is the server's ceiling: enough for every key of a store's period, the table scrolls. */
export function useBreakdown(period: Period, dimension: Dimension, limit = 500) {
  return useQuery({
    queryKey: ['analytics', 'breakdown', period, dimension, limit],
    queryFn: () =>
      api.get<{ dimension: Dimension; data: BreakdownRow[] }>(
        `/api/v1/analytics/breakdown?${qs({ ...period, dimension, limit: String(limit) })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const CSAT_GROUPS = ['week', 'product', 'reason', 'agent'] as const;
export type CsatGroup = (typeof CSAT_GROUPS)[number];
export interface CsatRow {
  key: string | null;
  label: string | null;
  responses: number;
  average: number | null;
  csat: number | null;
}

/** Satisfaction from the surveys, over the period's days, by week, product, reason or agent. */
export function useCsat(period: Period, group: CsatGroup) {
  return useQuery({
    queryKey: ['analytics', 'csat', period, group],
    queryFn: () =>
      api.get<{ group: CsatGroup; overall: CsatRow; data: CsatRow[] }>(
        `/api/v1/analytics/csat?${qs({
          group,
          from: period.from.slice(0, 10),
          to: new Date(Date.parse(period.to) - 1).toISOString().slice(0, 10),
        })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
