import { Button, Group } from '@mantine/core';
import { IconFileTypePdf, IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReturnView } from '../../../api/types.ts';
import { StepError } from './StepError.tsx';
import { useStep } from './useStep.ts';

/** Anyone may reopen an issued label, e.g. to reprint it for a customer at the counter. */
export function LabelLink({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  // Once the parcel is in the warehouse the label has done its job.
  if (!ret.label || !['approved', 'in_transit'].includes(ret.status)) return null;
  return (
    <Group gap="sm">
      <Button
        component="a"
        href={`/api/v1/returns/${ret.id}/label.pdf`}
        target="_blank"
        rel="noopener"
        variant="default"
        leftSection={<IconFileTypePdf size={18} aria-hidden />}
      >
        {t('actions.openLabel')}
      </Button>
      {ret.label.tracking_number && (
        <span className="rma">{t('return.tracking', { number: ret.label.tracking_number })}</span>
      )}
    </Group>
  );
}

export function LabelActions({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const issue = useStep(ret.id, 'label');
  return (
    <div>
      <Button
        leftSection={<IconTag size={18} aria-hidden />}
        loading={issue.isPending}
        onClick={() => issue.mutate({})}
      >
        {t('actions.issueLabel')}
      </Button>
      {issue.isError && <StepError error={issue.error} returnId={ret.id} />}
    </div>
  );
}
