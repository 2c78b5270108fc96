import {
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeliveries, useReplay } from '../../api/integrations.ts';
import { useFormat } from '../../i18n/format.ts';

export function DeliveryLog({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [failed, setFailed] = useState(false);
  const deliveries = useDeliveries(failed);
  const replay = useReplay();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('integrations.deliveries')}
          </Title>
          <SegmentedControl
            size="xs"
            value={failed ? 'failed' : 'all'}
            onChange={(v) => setFailed(v === 'failed')}
            data={[
              { value: 'all', label: t('integrations.all') },
              { value: 'failed', label: t('integrations.failed') },
            ]}
          />
        </Group>
        {deliveries.isPending ? (
          <Skeleton h={80} />
        ) : deliveries.data?.data.length ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('integrations.received')}</Table.Th>
                  <Table.Th>{t('integrations.provider')}</Table.Th>
                  <Table.Th>{t('integrations.topic')}</Table.Th>
                  <Table.Th>{t('integrations.result')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('integrations.replay')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.data.data.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{format.dateTime(d.received_at)}</Table.Td>
                    <Table.Td>{t(`integrations.providers.${d.provider}`)}</Table.Td>
                    <Table.Td>
                      <Code>{d.topic}</Code>
                    </Table.Td>
                    <Table.Td>
                      {d.error ? (
                        <Text size="sm" c="red">
                          {d.error}
                        </Text>
                      ) : (
                        <Text size="sm">{d.outcome ?? t('integrations.queued')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canWrite && d.error && !d.applied_at && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => replay.mutate(d.id)}
                          loading={replay.isPending}
                        >
                          {t('integrations.replay')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="dimmed">
            {t('integrations.noDeliveries')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
