import { Button, Group, Loader, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RejectTemplates, useOrder, useRejectTemplates } from '../../../api/returns.ts';
import type { ReturnView } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/format.ts';
import { StepError } from './StepError.tsx';
import { useStep } from './useStep.ts';

/** Reject with a reason code and a reply, prefilled from the template in the customer's language. */
export function RejectDialog({ ret, onClose }: { ret: ReturnView; onClose: () => void }) {
  const { t } = useTranslation();
  const order = useOrder(ret.order_id);
  const templates = useRejectTemplates(order.data?.customer.language, order.isSuccess);
  return (
    <Modal opened onClose={onClose} title={t('actions.rejectTitle', { rma: ret.rma })} size="lg">
      {/* The reply is prefilled once, before the first keystroke, so the agent's edits are never replaced. */}
      {templates.data ? (
        <RejectForm ret={ret} templates={templates.data} onClose={onClose} />
      ) : (
        <Loader aria-label={t('app.loading')} />
      )}
    </Modal>
  );
}

function RejectForm({
  ret,
  templates,
  onClose,
}: {
  ret: ReturnView;
  templates: RejectTemplates;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const reject = useStep(ret.id, 'reject');
  const messageFor = (code: string) => templates.reject.find((r) => r.reason_code === code)?.message ?? '';
  const first = templates.reject[0]?.reason_code ?? 'other';
  const [reason, setReason] = useState(first);
  const [message, setMessage] = useState(() => messageFor(first));

  const choose = (code: string) => {
    setReason(code);
    setMessage(messageFor(code));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reject.mutate({ reason_code: reason, message: message.trim() }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <NativeSelect
          label={t('actions.rejectReason')}
          value={reason}
          onChange={(e) => choose(e.currentTarget.value)}
          data={templates.reject.map((r) => ({
            value: r.reason_code,
            label: t(`rejectReasons.${r.reason_code}`, { defaultValue: r.reason_code }),
          }))}
        />
        <div>
          <Textarea
            label={t('actions.rejectMessage')}
            autosize
            minRows={4}
            required
            lang={templates.language}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('actions.rejectTemplate', { language: format.language(templates.language) })}
          </Text>
        </div>
        {reject.isError && <StepError error={reject.error} returnId={ret.id} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" color="red" loading={reject.isPending}>
            {t('actions.confirmReject')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
