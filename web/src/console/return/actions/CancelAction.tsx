import { Button, Group, Modal, Text } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnView } from '../../../api/types.ts';
import { StepError } from './StepError.tsx';
import { useStep } from './useStep.ts';

/** Cancel a return that has not left the customer (asked by phone, bought in store instead ...). */
export function CancelAction({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const cancel = useStep(ret.id, 'cancel');
  const [asking, setAsking] = useState(false);
  return (
    <div>
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        leftSection={<IconBan size={16} aria-hidden />}
        onClick={() => setAsking(true)}
      >
        {t('actions.cancelReturn')}
      </Button>
      {cancel.isError && !asking && <StepError error={cancel.error} returnId={ret.id} />}
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('actions.cancelTitle', { rma: ret.rma })}
        centered
      >
        <Text size="sm">{t('actions.cancelBody')}</Text>
        {cancel.isError && <StepError error={cancel.error} returnId={ret.id} />}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
            {t('actions.keepReturn')}
          </Button>
          <Button
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate({}, { onSuccess: () => setAsking(false) })}
          >
            {t('actions.confirmCancel')}
          </Button>
        </Group>
      </Modal>
    </div>
  );
}
