// Step 1: which items, and how many of each.
import { Checkbox, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderLine } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import type { Draft } from './draft.ts';

export interface Startable {
  line: OrderLine;
  remaining: number;
  /** returnable for a change of mind today (else only for a fault) */
  changeOfMind: boolean;
  deadline: string | null;
}

export function ItemsStep({
  items,
  currency,
  draft,
  update,
}: {
  items: Startable[];
  currency: string;
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
}) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const setQuantity = (lineId: string, quantity: number) => {
    const quantities = { ...draft.quantities };
    if (quantity > 0) quantities[lineId] = quantity;
    else delete quantities[lineId];
    update({ quantities });
  };
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" c="gray.7" mb="xs">
        {t('wizard.items.legend')}
      </Text>
      {items.map(({ line, remaining, changeOfMind, deadline }) => {
        const chosen = draft.quantities[line.id] ?? 0;
        return (
          <Paper key={line.id} p="md" data-line={line.id} bg={chosen ? 'teal.0' : undefined}>
            <Stack gap="xs">
              <Checkbox
                size="md"
                checked={chosen > 0}
                onChange={(e) => setQuantity(line.id, e.currentTarget.checked ? remaining : 0)}
                label={
                  <>
                    <Text fw={600} span display="block">
                      {line.title}
                    </Text>
                    {line.variant && (
                      <Text size="sm" c="gray.7" span display="block">
                        {line.variant}
                      </Text>
                    )}
                  </>
                }
                description={
                  changeOfMind && deadline
                    ? t('wizard.items.until', { date: format.deadline(deadline) })
                    : t('wizard.items.faultOnly')
                }
              />
              {chosen > 0 && remaining > 1 && (
                <Group gap="xs" pl={36}>
                  <NativeSelect
                    label={t('wizard.items.quantity', { title: line.title })}
                    value={String(chosen)}
                    onChange={(e) => setQuantity(line.id, Number(e.currentTarget.value))}
                    data={Array.from({ length: remaining }, (_, i) => String(i + 1))}
                    w={120}
                  />
                  <Text size="sm" c="gray.7" mt={22}>
                    {t('wizard.items.ofRemaining', { count: remaining })}
                  </Text>
                </Group>
              )}
              <Text size="sm" pl={36}>
                {t('wizard.items.unitPrice', { price: format.money(line.unit_price, currency) })}
              </Text>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
