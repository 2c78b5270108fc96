// The analytics page's choices live in the address, so a view can be bookmarked or sent to a colleague.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { DIMENSIONS, type Dimension, type Interval } from '../../api/types.ts';
import { autoInterval, isInterval, isPreset, type Preset, periodOf } from './period.ts';

const isDimension = (v: string | null): v is Dimension =>
  (DIMENSIONS as readonly (string | null)[]).includes(v);

export function usePeriodParams() {
  const [params, setParams] = useSearchParams();
  const rawRange = params.get('range');
  const preset: Preset = isPreset(rawRange) ? rawRange : '90d';
  const from = params.get('from');
  const to = params.get('to');
  const rawInterval = params.get('interval');
  const rawDimension = params.get('dimension');
  // Computed once per choice: "the last 30 days" must not move with every render.
  const period = useMemo(() => periodOf(preset, from, to), [preset, from, to]);
  const interval: Interval | 'auto' = isInterval(rawInterval) ? rawInterval : 'auto';
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  return {
    preset,
    from,
    to,
    period,
    interval,
    effectiveInterval: period ? (interval === 'auto' ? autoInterval(preset, period) : interval) : 'week',
    dimension: isDimension(rawDimension) ? rawDimension : ('product' as Dimension),
    update,
  };
}

export type PeriodParams = ReturnType<typeof usePeriodParams>;
