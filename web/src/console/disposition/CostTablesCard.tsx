// The store's cost tables for disposition by cost, as JSON: owner and finance edit them, everyone
// reads them. The server validates (bands ascending, no negative amounts) and fills what is left out.
import { can } from '@domain/roles.ts';
import { Alert, Button, Group, JsonInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDispositionCosts, useSaveDispositionCosts } from '../../api/disposition.ts';
import { useSession } from '../../api/session.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

export function CostTablesCard() {
  const { t } = useTranslation();
  const role = useSession().data?.user.role ?? 'read_only';
  const writable = can(role, 'disposition.write');
  const costs = useDispositionCosts();
  const save = useSaveDispositionCosts();
  const [text, setText] = useState('');
  const [syntax, setSyntax] = useState<string | null>(null);
  useEffect(() => {
    if (costs.data) setText(JSON.stringify(costs.data.costs, null, 2));
  }, [costs.data]);
  const submit = () => {
    try {
      const parsed: unknown = JSON.parse(text);
      setSyntax(null);
      save.mutate(parsed);
    } catch (err) {
      setSyntax(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cost-tables-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cost-tables-title">
          {t('disposition.tables.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('disposition.tables.hint')}
        </Text>
        {costs.data && !costs.data.tables_set && (
          <Alert color="yellow" variant="light">
            {t('disposition.tables.defaults')}
          </Alert>
        )}
        <JsonInput
          label={t('disposition.tables.label')}
          value={text}
          onChange={setText}
          autosize
          minRows={8}
          maxRows={24}
          readOnly={!writable}
          error={syntax}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        />
        {save.isError && <ProblemAlert error={save.error} />}
        {save.isSuccess && (
          <Text size="sm" c="teal">
            {t('disposition.tables.saved')}
          </Text>
        )}
        {writable && (
          <Group>
            <Button onClick={submit} loading={save.isPending}>
              {t('disposition.tables.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
