// Per-SKU exceptions to a supplier's terms as rows of (SKU, field, value): "CHARGER-65W · remedy ·
// replacement". Rows are kept as typed; the terms get them back as { sku: { field: value } }.
import { ActionIcon, Button, NumberInput, Select, Table, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './ScrollTable.tsx';
import { OVERRIDABLE, type OverrideField, type OverrideRow, optionsOf } from './terms-fields.ts';

function ValueInput({
  row,
  onChange,
  label,
}: {
  row: OverrideRow;
  onChange: (v: unknown) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const kind = OVERRIDABLE[row.field];
  if (kind === 'number')
    return (
      <NumberInput
        aria-label={label}
        size="xs"
        min={0}
        max={row.field === 'restocking_fee_percent' ? 100 : 3650}
        value={typeof row.value === 'number' ? row.value : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : 0)}
        w={100}
      />
    );
  if (kind === 'boolean')
    return (
      <Select
        aria-label={label}
        size="xs"
        value={String(row.value === true)}
        onChange={(v) => onChange(v === 'true')}
        data={[
          { value: 'true', label: t('suppliers.yes') },
          { value: 'false', label: t('suppliers.no') },
        ]}
        allowDeselect={false}
        w={120}
      />
    );
  if (kind === 'evidence')
    return (
      <TextInput
        aria-label={label}
        size="xs"
        value={Array.isArray(row.value) ? row.value.join(', ') : ''}
        onChange={(e) =>
          onChange(
            e.currentTarget.value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          )
        }
        placeholder="photos, video"
        w={180}
      />
    );
  return (
    <Select
      aria-label={label}
      size="xs"
      value={String(row.value)}
      onChange={(v) => onChange(v)}
      data={optionsOf(t, row.field)}
      allowDeselect={false}
      w={180}
    />
  );
}

const DEFAULTS: Record<string, unknown> = { number: 0, boolean: false, evidence: ['photos'] };

export function OverridesTable({
  rows,
  onChange,
  readOnly,
}: {
  rows: OverrideRow[];
  onChange: (rows: OverrideRow[]) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<OverrideRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const fieldOptions = (Object.keys(OVERRIDABLE) as OverrideField[]).map((f) => ({
    value: f,
    label: t(`suppliers.field.${f}`),
  }));
  return (
    <>
      <ScrollTable minWidth={520} label={t('suppliers.overrides.title')}>
        <Table data-testid="sku-overrides">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('suppliers.sku')}</Table.Th>
              <Table.Th>{t('suppliers.overrides.field')}</Table.Th>
              <Table.Th>{t('suppliers.overrides.value')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={t('suppliers.overrides.skuOf', { n: i + 1 })}
                    size="xs"
                    value={r.sku}
                    readOnly={readOnly}
                    onChange={(e) => set(i, { sku: e.currentTarget.value })}
                    w={150}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('suppliers.overrides.fieldOf', { n: i + 1 })}
                    size="xs"
                    value={r.field}
                    data={fieldOptions}
                    readOnly={readOnly}
                    allowDeselect={false}
                    onChange={(v) => {
                      const field = (v ?? r.field) as OverrideField;
                      const kind = OVERRIDABLE[field];
                      set(i, { field, value: DEFAULTS[kind] ?? optionsOf(t, field)[0]?.value });
                    }}
                    w={200}
                  />
                </Table.Td>
                <Table.Td>
                  <ValueInput
                    row={r}
                    label={t('suppliers.overrides.valueOf', { n: i + 1 })}
                    onChange={(value) => !readOnly && set(i, { value })}
                  />
                </Table.Td>
                <Table.Td>
                  {!readOnly && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('suppliers.overrides.remove', { n: i + 1 })}
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {!readOnly && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...rows, { sku: '', field: 'window_days', value: 30 }])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('suppliers.overrides.add')}
        </Button>
      )}
    </>
  );
}
