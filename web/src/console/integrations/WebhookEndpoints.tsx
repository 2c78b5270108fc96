import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateEndpoint, useDisableEndpoint, useEndpoints } from '../../api/integrations.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

const TOPICS = [
  'fulfillment.stop_requested',
  'order.address_changed',
  'parcel.intercept_requested',
  'replacement.created',
  'case.created',
  'case.resolved',
  'return.created',
  'return.approved',
  'return.received',
  'return.settled',
  'refund.succeeded',
  'refund.failed',
  'inventory.put_away',
];

export function WebhookEndpoints({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const endpoints = useEndpoints();
  const create = useCreateEndpoint();
  const disable = useDisableEndpoint();
  const [url, setUrl] = useState('');
  const [topics, setTopics] = useState<string[]>([
    'fulfillment.stop_requested',
    'order.address_changed',
    'replacement.created',
  ]);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('integrations.endpoints')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('integrations.endpointsHint')}
        </Text>
        {create.data && (
          <Alert color="teal" title={t('integrations.secretOnce')} role="status">
            <Code data-testid="endpoint-secret">{create.data.secret}</Code>
          </Alert>
        )}
        {endpoints.data?.data
          .filter((e) => !e.disabled_at || e.disabled_reason)
          .map((e) => (
            <Paper key={e.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Code>{e.url}</Code>
                  <Text size="xs" c="dimmed">
                    {e.topics.join(', ')}
                  </Text>
                  {e.disabled_reason && (
                    <Text size="xs" c="red">
                      {t('integrations.disabledBecause', { reason: e.disabled_reason })}
                    </Text>
                  )}
                  {e.recent[0] && (
                    <Text size="xs" c={e.recent[0].error ? 'red' : 'teal'}>
                      {t('integrations.lastSend', {
                        at: format.dateTime(e.recent[0].at),
                        result: e.recent[0].error ?? String(e.recent[0].status_code),
                      })}
                    </Text>
                  )}
                </Stack>
                {canWrite && (
                  <Button size="compact-xs" color="red" variant="subtle" onClick={() => disable.mutate(e.id)}>
                    {t('integrations.stop')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        {canWrite && (
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              create.mutate({ url, topics }, { onSuccess: () => setUrl('') });
            }}
          >
            <Stack gap="xs">
              <TextInput
                label={t('integrations.endpointUrl')}
                type="url"
                required
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                placeholder="https://erp.example.com/aftersale"
              />
              <Checkbox.Group label={t('integrations.topics')} value={topics} onChange={setTopics}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
                  {TOPICS.map((topic) => (
                    <Checkbox key={topic} value={topic} label={topic} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Group>
                <Button type="submit" size="xs" loading={create.isPending} disabled={topics.length === 0}>
                  {t('integrations.addEndpoint')}
                </Button>
              </Group>
              {create.isError && <ProblemAlert error={create.error} />}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
