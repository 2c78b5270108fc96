// The queue from the keyboard: j/k (or the arrows) move through the rows, x selects one for a bulk
// action, o or Enter opens it, / goes to the search box. Keys typed into a field are left alone.
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ReturnView } from '../../api/types.ts';
import type { Selection } from './ReturnsTable.tsx';

/** What is ticked for a bulk action; a change of queue starts empty. */
export function useSelection(queueKey: string | undefined): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: the queue changing is the reason to clear
  useEffect(() => setSelected(new Set()), [queueKey]);
  const toggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const setAll = useCallback((ids: string[]) => setSelected(new Set(ids)), []);
  return { selected, toggle, setAll };
}

export function useQueueKeys(rows: ReturnView[], selection: Selection): number {
  const navigate = useNavigate();
  const [active, setActive] = useState(-1);
  const row = rows[active];
  const move = (by: number) => setActive((a) => Math.max(0, Math.min(rows.length - 1, a + by)));
  const open = () => row && navigate(`/console/returns/${row.id}`);
  useHotkeys([
    ['j', () => move(1)],
    ['ArrowDown', () => move(1)],
    ['k', () => move(-1)],
    ['ArrowUp', () => move(-1)],
    ['x', () => row && selection.toggle(row.id)],
    ['o', open],
    ['Enter', open],
    ['/', () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus()],
  ]);
  useEffect(() => {
    document.querySelector(`tr[data-rma="${row?.rma}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [row?.rma]);
  return active;
}
