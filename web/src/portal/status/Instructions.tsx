// What the customer does now, for the way the parcel goes back: packing first, then the hand-over.
import { Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReturnMethod } from '../api/types.ts';

const STEPS: Record<ReturnMethod, string[]> = {
  label: ['print', 'pack', 'slip', 'stick', 'handLabel', 'keepReceipt'],
  drop_off: ['print', 'pack', 'slip', 'stick', 'handDropOff', 'keepReceipt'],
  pickup: ['print', 'pack', 'slip', 'stick', 'handPickup'],
  in_store: ['packStore', 'handStore'],
  none: ['keep'],
};

/** steps that need the label in hand: not said before there is one to download */
const NEEDS_LABEL = new Set(['print', 'slip', 'stick']);

export function Instructions({
  method,
  rma,
  hasLabel,
}: {
  method: ReturnMethod;
  rma: string;
  hasLabel: boolean;
}) {
  const { t } = useTranslation('portal');
  const steps = STEPS[method].filter((step) => hasLabel || !NEEDS_LABEL.has(step));
  return (
    <Paper p="md" component="section" aria-labelledby="instructions-title">
      <Stack gap="sm">
        <Group gap={8}>
          <ThemeIcon size={24} variant="light" aria-hidden>
            <IconBox size={16} />
          </ThemeIcon>
          <Text fw={600} id="instructions-title">
            {t(method === 'none' ? 'status.instructions.titleKeep' : 'status.instructions.title')}
          </Text>
        </Group>
        <List type="ordered" spacing={6} size="sm" data-testid="instructions">
          {steps.map((step) => (
            <List.Item key={step}>{t(`status.instructions.${step}`, { rma })}</List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
