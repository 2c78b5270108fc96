// Filters of a return list, kept in the address (a filtered queue can be bookmarked or shared) and
// turned into GET /api/v1/returns parameters. Days are the viewer's calendar days.
import { useSearchParams } from 'react-router';
import type { ReturnListParams } from '../../api/returns.ts';

export const FILTER_KEYS = ['assignee', 'status', 'reason', 'country', 'segment', 'from', 'to'] as const;

/** Whose returns: the signed-in user's (me) or nobody's (none); anything else shows all. */
export const ASSIGNEE_FILTERS = ['me', 'none'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DAY = 86_400_000;
const startOf = (day: string) => {
  const d = new Date(`${day}T00:00:00`);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

export function useReturnFilters() {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<
    FilterKey,
    string
  >;
  const from = values.from ? startOf(values.from) : undefined;
  const to = values.to ? startOf(values.to) : undefined;
  const api: ReturnListParams = {
    assignee: (ASSIGNEE_FILTERS as readonly string[]).includes(values.assignee) ? values.assignee : undefined,
    status: values.status || undefined,
    reason: values.reason || undefined,
    country: values.country || undefined,
    segment: values.segment.trim() || undefined,
    from: from?.toISOString(),
    // "to" names the last day wanted: the whole of it counts.
    to: to ? new Date(to.getTime() + DAY).toISOString() : undefined,
  };
  const set = (key: FilterKey, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const clear = () =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const k of FILTER_KEYS) next.delete(k);
        return next;
      },
      { replace: true },
    );
  const active = FILTER_KEYS.filter((k) => values[k]).length;
  return { values, api, set, clear, active };
}
