import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/** Unsaved policy changes are not lost to a stray click on the navigation or a closed tab. */
export function LeaveGuard({ changes }: { changes: number }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => changes > 0 && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (changes === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changes]);
  if (blocker.state !== 'blocked') return null;
  return (
    <Modal opened onClose={() => blocker.reset()} title={t('policy.leave.title')} centered>
      <Text size="sm">{t('policy.leave.body', { count: changes })}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset()} data-autofocus>
          {t('policy.leave.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed()}>
          {t('policy.leave.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
