import { REASON_CODES } from '@domain/reasons.ts';
import { RETURN_STATUSES } from '@domain/returns/lifecycle.ts';
import {
  Autocomplete,
  Button,
  Collapse,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Select,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustments, IconFilterOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBreakdown } from '../../api/analytics.ts';
import { useFormat } from '../../i18n/format.ts';
import { COUNTRY_CODES } from './countries.ts';
import type { useReturnFilters } from './useReturnFilters.ts';

// Segments the store has used, from its own orders: suggestions, any word is accepted.
const EVER = { from: '1970-01-01T00:00:00.000Z', to: '9999-01-01T00:00:00.000Z' };

export function FilterBar({
  filters,
  status = false,
}: {
  filters: ReturnType<typeof useReturnFilters>;
  status?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  // on a phone the filters beyond the assignee fold away, so the queue itself is on the first screen
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [open, setOpen] = useState(false);
  const segments = useBreakdown(EVER, 'segment');
  const { values, set } = filters;
  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((c) => ({ value: c, label: format.country(c) })).sort((a, b) =>
        a.label.localeCompare(b.label, format.locale),
      ),
    [format.locale, format.country],
  );
  const knownSegments = (segments.data?.data ?? []).map((r) => r.key).filter((k) => k !== 'none');
  return (
    <Paper p="sm" role="search" aria-label={t('filters.label')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Input.Wrapper label={t('filters.assignee')} labelElement="div">
          <SegmentedControl
            display="flex"
            aria-label={t('filters.assignee')}
            value={values.assignee === 'me' || values.assignee === 'none' ? values.assignee : 'all'}
            onChange={(v) => set('assignee', v === 'all' ? null : v)}
            data={[
              { value: 'all', label: t('filters.assigneeAll') },
              { value: 'me', label: t('filters.assigneeMine') },
              { value: 'none', label: t('filters.assigneeNone') },
            ]}
          />
        </Input.Wrapper>
        {phone && (
          <Button
            variant="light"
            size="sm"
            leftSection={<IconAdjustments size={16} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls="more-filters"
          >
            {t('filters.more', { count: filters.active })}
          </Button>
        )}
      </Group>
      <Collapse expanded={!phone || open} id="more-filters">
        <Group gap="sm" align="flex-end" wrap="wrap" mt="sm">
          {status && (
            <Select
              label={t('filters.status')}
              placeholder={t('filters.any')}
              data={RETURN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={values.status || null}
              onChange={(v) => set('status', v)}
              clearable
              w={170}
            />
          )}
          <Select
            label={t('filters.reason')}
            placeholder={t('filters.any')}
            data={REASON_CODES.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
            value={values.reason || null}
            onChange={(v) => set('reason', v)}
            clearable
            searchable
            w={200}
          />
          <Select
            label={t('filters.country')}
            placeholder={t('filters.any')}
            data={countries}
            value={values.country || null}
            onChange={(v) => set('country', v)}
            clearable
            searchable
            w={200}
          />
          <Autocomplete
            label={t('filters.segment')}
            placeholder={t('filters.any')}
            data={[...new Set(knownSegments)]}
            value={values.segment}
            onChange={(v) => set('segment', v || null)}
            w={160}
          />
          <TextInput
            type="date"
            label={t('filters.from')}
            value={values.from}
            max={values.to || undefined}
            onChange={(e) => set('from', e.currentTarget.value || null)}
            w={160}
          />
          <TextInput
            type="date"
            label={t('filters.to')}
            value={values.to}
            min={values.from || undefined}
            onChange={(e) => set('to', e.currentTarget.value || null)}
            w={160}
          />
          {filters.active > 0 && (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={filters.clear}
            >
              {t('filters.clear', { count: filters.active })}
            </Button>
          )}
        </Group>
      </Collapse>
    </Paper>
  );
}
