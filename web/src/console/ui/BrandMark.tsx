import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconPackageImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function BrandMark() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size="lg" radius="md" aria-hidden>
        <IconPackageImport size={20} />
      </ThemeIcon>
      <Text fw={700} size="lg">
        {t('app.name')}
      </Text>
    </Group>
  );
}
