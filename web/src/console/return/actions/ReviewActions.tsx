import { Button, Group } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnView } from '../../../api/types.ts';
import { RejectDialog } from './RejectDialog.tsx';
import { StepError } from './StepError.tsx';
import { useStep } from './useStep.ts';

export function ReviewActions({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const approve = useStep(ret.id, 'approve');
  const [rejecting, setRejecting] = useState(false);
  return (
    <div>
      <Group gap="sm">
        <Button
          color="teal"
          leftSection={<IconCheck size={18} aria-hidden />}
          loading={approve.isPending}
          onClick={() => approve.mutate({})}
        >
          {t('actions.approve')}
        </Button>
        <Button
          variant="outline"
          color="red"
          leftSection={<IconX size={18} aria-hidden />}
          onClick={() => setRejecting(true)}
          disabled={approve.isPending}
        >
          {t('actions.reject')}
        </Button>
      </Group>
      {approve.isError && <StepError error={approve.error} returnId={ret.id} />}
      {rejecting && <RejectDialog ret={ret} onClose={() => setRejecting(false)} />}
    </div>
  );
}
