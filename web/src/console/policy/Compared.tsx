import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One value of the preview; when the saved policy decides otherwise, that value is shown under it. */
export function Compared({
  label,
  now,
  was,
  strong,
}: {
  label: string;
  now: ReactNode;
  was: ReactNode;
  strong?: boolean;
}) {
  const { t } = useTranslation();
  const changed = typeof now === 'string' && typeof was === 'string' ? now !== was : false;
  return (
    <Group
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      gap="xs"
      data-changed={changed || undefined}
    >
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div style={{ textAlign: 'end' }}>
        <Text size="sm" fw={strong ? 700 : 500} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {changed && (
            <Badge size="xs" color="orange" mr={6} variant="light">
              {t('policy.preview.changed')}
            </Badge>
          )}
          {now}
        </Text>
        {changed && (
          <Text size="xs" c="dimmed">
            {t('policy.preview.was', { value: was })}
          </Text>
        )}
      </div>
    </Group>
  );
}
