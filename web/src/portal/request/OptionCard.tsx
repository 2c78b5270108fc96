// One choice among several (a reason, a resolution, a method) as a large, tappable card. Inside a
// Radio.Group it is a radio: arrow keys move between cards, Space chooses.
import { Group, Radio, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function OptionCard({
  value,
  title,
  aside,
  children,
  testId,
  compact = false,
}: {
  value: string;
  title: string;
  /** right-hand side, e.g. the amount */
  aside?: ReactNode;
  children?: ReactNode;
  testId?: string;
  compact?: boolean;
}) {
  return (
    <Radio.Card value={value} p={compact ? 'sm' : 'md'} radius="md" data-testid={testId} data-value={value}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" align="baseline">
            <Text fw={600}>{title}</Text>
            {aside}
          </Group>
          {children}
        </Stack>
      </Group>
    </Radio.Card>
  );
}
