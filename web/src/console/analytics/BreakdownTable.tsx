import { Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, Dimension } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { useKeyLabel } from './breakdown.ts';
import { useAnalyticsFormat } from './format.ts';

type Column = 'key' | 'units_sold' | 'units_returned' | 'returns' | 'return_rate' | 'refunded';
const NUMERIC: Column[] = ['units_sold', 'units_returned', 'returns', 'return_rate', 'refunded'];

/** Every row the server sent, sortable by any column (header buttons announce the order). */
export function BreakdownTable({
  dimension,
  rows,
  caption,
}: {
  dimension: Dimension;
  rows: BreakdownRow[];
  caption: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = useAnalyticsFormat();
  const label = useKeyLabel(dimension);
  const [sort, setSort] = useState<{ by: Column; desc: boolean }>({ by: 'units_returned', desc: true });
  const currencies = new Set(rows.map((r) => r.currency));
  const value = (r: BreakdownRow, c: Column) => (c === 'key' ? label(r.key) : (r[c] ?? -1));
  const sorted = [...rows].sort((a, b) => {
    const x = value(a, sort.by);
    const y = value(b, sort.by);
    const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
    return sort.desc ? -order : order;
  });
  const header = (c: Column) => {
    const active = sort.by === c;
    const Icon = !active ? IconArrowsSort : sort.desc ? IconSortDescending : IconSortAscending;
    return (
      <Table.Th
        key={c}
        ta={c === 'key' ? 'start' : 'end'}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        <UnstyledButton
          fz="sm"
          fw={700}
          onClick={() => setSort({ by: c, desc: active ? !sort.desc : c !== 'key' })}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          {c === 'key' ? t(`analytics.dimensions.${dimension}`) : t(`analytics.table.${c}`)}
          <Icon size={14} aria-hidden color={active ? undefined : 'var(--mantine-color-gray-5)'} />
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Table.ScrollContainer minWidth={640} mah={440}>
      <Table
        striped
        stickyHeader
        fz="sm"
        data-testid="breakdown-table"
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {header('key')}
            {currencies.size > 1 && <Table.Th>{t('analytics.table.currency')}</Table.Th>}
            {NUMERIC.map(header)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => (
            <Table.Tr key={`${r.key}|${r.currency}`}>
              <Table.Th scope="row" fw={500} style={{ wordBreak: 'break-all' }}>
                {label(r.key)}
              </Table.Th>
              {currencies.size > 1 && <Table.Td>{r.currency}</Table.Td>}
              <Table.Td ta="end">{dimension === 'reason' ? '–' : f.count(r.units_sold)}</Table.Td>
              <Table.Td ta="end">{f.count(r.units_returned)}</Table.Td>
              <Table.Td ta="end">{f.count(r.returns)}</Table.Td>
              <Table.Td ta="end">{r.return_rate === null ? '–' : f.percent(r.return_rate)}</Table.Td>
              <Table.Td ta="end">{format.money(r.refunded, r.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
