import {
  Badge,
  Button,
  Code,
  Grid,
  Group,
  Paper,
  ScrollArea,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicyVersions } from '../../api/policy.ts';
import type { PolicyVersion } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { ChangesTable } from './ChangesTable.tsx';
import { diff, type Json } from './draft.ts';

interface Props {
  currency: string;
  /** the owner may start a new draft from an older version; saving makes it the newest */
  onLoad?: (version: PolicyVersion) => void;
}

/** Every saved version, newest first; each one shown as what it changed from the one before. */
export function VersionsPanel({ currency, onLoad }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = usePolicyVersions();
  const [picked, setPicked] = useState<number | null>(null);
  const [showJson, setShowJson] = useState(false);
  if (versions.isPending) return <Skeleton h={240} />;
  if (versions.isError) return <ProblemAlert error={versions.error} />;
  const list = versions.data.data;
  const newest = list[0]?.version;
  const index = Math.max(
    0,
    list.findIndex((v) => v.version === (picked ?? newest)),
  );
  const shown = list[index];
  const previous = list[index + 1];
  if (!shown) return null;
  const changes = previous
    ? diff(previous.document as unknown as Json, shown.document as unknown as Json)
    : [];

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper p={0} style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="xs" data-testid="policy-versions">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('policy.versions.version')}</Table.Th>
                <Table.Th>{t('policy.versions.saved')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((v) => {
                const active = v.version === shown.version;
                return (
                  <Table.Tr key={v.version} bg={active ? 'teal.0' : undefined} data-version={v.version}>
                    <Table.Td>
                      <UnstyledButton
                        onClick={() => setPicked(v.version)}
                        aria-pressed={active}
                        fw={active ? 700 : 500}
                        aria-label={t('policy.versions.show', { version: v.version })}
                      >
                        v{v.version}
                      </UnstyledButton>
                      {v.version === newest && (
                        <Badge size="xs" ml={6} variant="light">
                          {t('policy.versions.current')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{format.dateTime(v.created_at)}</Text>
                      <Text size="xs" c="dimmed">
                        {v.created_by}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper p="md" component="section" aria-labelledby="version-title">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <div>
              <Title order={2} size="h4" id="version-title">
                {t('policy.versions.title', { version: shown.version })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('policy.versions.savedBy', {
                  by: shown.created_by,
                  date: format.dateTime(shown.created_at),
                })}
              </Text>
            </div>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                onClick={() => setShowJson((s) => !s)}
                aria-expanded={showJson}
              >
                {t(showJson ? 'policy.versions.hideJson' : 'policy.versions.showJson')}
              </Button>
              {onLoad && shown.version !== newest && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconArrowBackUp size={14} aria-hidden />}
                  onClick={() => onLoad(shown)}
                >
                  {t('policy.versions.load')}
                </Button>
              )}
            </Group>
          </Group>
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {previous
                ? t('policy.versions.changesFrom', { version: previous.version })
                : t('policy.versions.first')}
            </Text>
            {previous && (
              <ChangesTable
                changes={changes}
                currency={currency}
                caption={t('policy.versions.changesFrom', { version: previous.version })}
              />
            )}
            {showJson && (
              <ScrollArea.Autosize mah={420}>
                <Code block>{JSON.stringify(shown.document, null, 2)}</Code>
              </ScrollArea.Autosize>
            )}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
