import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCurrentPolicy } from '../../api/policy.ts';
import type { PolicyVersion } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';

/**
 * Saving always adds a version, so two owners editing at once would silently undo each other.
 * Before saving, the newest version is read again; a newer one than the draft's base is shown first.
 */
export function useConflictCheck(baseVersion: number) {
  const [newer, setNewer] = useState<PolicyVersion | null>(null);
  const [checking, setChecking] = useState(false);
  const check = async (proceed: () => void) => {
    setChecking(true);
    try {
      const latest = await fetchCurrentPolicy();
      if (latest.version !== baseVersion) setNewer(latest);
      else proceed();
    } catch {
      proceed(); // the save itself reports what went wrong
    } finally {
      setChecking(false);
    }
  };
  return { newer, checking, check, dismiss: () => setNewer(null) };
}

export function ConflictDialog({
  state,
  onConfirm,
}: {
  state: ReturnType<typeof useConflictCheck>;
  /** saves on top of the newer version the owner has now seen */
  onConfirm: (newerVersion: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const newer = state.newer;
  if (!newer) return null;
  return (
    <Modal opened onClose={state.dismiss} title={t('policy.conflict.title')} centered>
      <Text size="sm">
        {t('policy.conflict.body', {
          version: newer.version,
          by: newer.created_by,
          date: format.dateTime(newer.created_at),
        })}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={state.dismiss} data-autofocus>
          {t('policy.conflict.cancel')}
        </Button>
        <Button
          color="orange"
          onClick={() => {
            state.dismiss();
            onConfirm(newer.version);
          }}
        >
          {t('policy.conflict.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
