import { Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { ChangesTable } from './ChangesTable.tsx';
import type { Change, FieldErrors } from './draft.ts';
import { ErrorList } from './ErrorList.tsx';

interface Props {
  changes: Change[];
  errors: FieldErrors;
  nextVersion: number;
  currency: string;
  saving: boolean;
  error: unknown;
  onSave: () => void;
  onDiscard: () => void;
}

/** Stays in view while the owner scrolls the form: what changed, and saving it as the next version. */
export function SaveBar({ changes, errors, nextVersion, currency, saving, error, onSave, onDiscard }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [tried, setTried] = useState(false);
  const dirty = changes.length > 0;
  const save = () => {
    setTried(true);
    if (errors.size === 0) onSave();
  };
  return (
    <Paper
      p="sm"
      shadow="md"
      pos="sticky"
      bottom={0}
      style={{ zIndex: 5 }}
      aria-label={t('policy.save.region')}
      component="section"
    >
      <Stack gap="xs">
        {tried && <ErrorList errors={errors} currency={currency} />}
        {error !== null && error !== undefined && <ProblemAlert error={error} />}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text size="sm" fw={600} aria-live="polite" data-testid="policy-dirty">
              {dirty ? t('policy.save.changes', { count: changes.length }) : t('policy.save.none')}
            </Text>
            {dirty && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setOpen((o) => !o)}
                aria-expanded={open}
              >
                {t(open ? 'policy.save.hideChanges' : 'policy.save.showChanges')}
              </Button>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={onDiscard} disabled={!dirty || saving}>
              {t('policy.save.discard')}
            </Button>
            <Button
              leftSection={<IconDeviceFloppy size={18} aria-hidden />}
              onClick={save}
              loading={saving}
              disabled={!dirty}
            >
              {t('policy.save.save', { version: nextVersion })}
            </Button>
          </Group>
        </Group>
        <Collapse expanded={open && dirty}>
          <ChangesTable
            changes={changes}
            currency={currency}
            caption={t('policy.save.changes', { count: changes.length })}
          />
        </Collapse>
      </Stack>
    </Paper>
  );
}
