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

export function Instructions({ method, rma }: { method: ReturnMethod; rma: string }) {
  const { t } = useTranslation('portal');
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
          {STEPS[method].map((step) => (
            <List.Item key={step}>{t(`status.instructions.${step}`, { rma })}</List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
