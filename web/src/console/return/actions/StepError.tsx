import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/transport.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

/**
 * A refused step. A 409 means someone else moved the return first: the refusal stays on screen
 * until the reader asks for the current state, so it is never silently replaced.
 */
export function StepError({ error, returnId }: { error: unknown; returnId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const stale = error instanceof ApiError && error.problem.status === 409;
  return (
    <ProblemAlert error={error} mt="sm">
      {stale && (
        <Button
          display="block"
          size="xs"
          variant="white"
          color="red"
          mt="xs"
          onClick={() => void client.invalidateQueries({ queryKey: ['returns', returnId] })}
        >
          {t('actions.reload')}
        </Button>
      )}
    </ProblemAlert>
  );
}
