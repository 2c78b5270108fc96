import { Button, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBarcode, IconCircleCheck, IconPackageImport } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ReturnView } from '../../../api/types.ts';
import { StepError } from './StepError.tsx';
import { useStep } from './useStep.ts';

/** Count what is in the parcel. A partial parcel is fine: the rest can arrive in a later one. */
export function ReceiveForm({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const receive = useStep(ret.id, 'receive');
  const open = ret.lines.filter((l) => l.received_quantity < l.quantity);
  // A later parcel of a return already received: the same count, only for what is still missing.
  const more = ret.status === 'received';
  const [scanned, setScanned] = useState(params.get('scanned') ?? '');
  const [units, setUnits] = useState<Record<string, number>>(() =>
    Object.fromEntries(open.map((l) => [l.line_id, l.quantity - l.received_quantity])),
  );
  const typed = scanned.trim().toUpperCase();
  const mismatch = typed.length > 0 && typed !== ret.rma;
  const lines = open
    .map((l) => ({ line_id: l.line_id, quantity: units[l.line_id] ?? 0 }))
    .filter((l) => l.quantity > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch && lines.length > 0) receive.mutate({ lines });
  };
  return (
    <form onSubmit={submit} aria-labelledby="receive-title">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id="receive-title">
            {t(more ? 'actions.receiveMoreTitle' : 'actions.receiveTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(more ? 'actions.receiveMoreHint' : 'actions.receiveHint')}
          </Text>
        </div>
        <TextInput
          label={t('actions.rmaCheck')}
          placeholder={ret.rma}
          classNames={{ input: 'rma' }}
          leftSection={<IconBarcode size={18} aria-hidden />}
          value={scanned}
          onChange={(e) => setScanned(e.currentTarget.value)}
          error={mismatch ? t('actions.rmaMismatch', { rma: ret.rma }) : undefined}
          description={typed && !mismatch ? t('actions.rmaMatch') : undefined}
          rightSection={
            typed && !mismatch ? (
              <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
            ) : null
          }
          maw={320}
        />
        {open.map((l) => (
          <NumberInput
            key={l.line_id}
            label={t('actions.unitsReceived', { title: l.title, expected: l.quantity - l.received_quantity })}
            min={0}
            max={l.quantity - l.received_quantity}
            allowDecimal={false}
            clampBehavior="strict"
            value={units[l.line_id] ?? 0}
            onChange={(v) => setUnits((u) => ({ ...u, [l.line_id]: typeof v === 'number' ? v : 0 }))}
            maw={320}
          />
        ))}
        {receive.isError && <StepError error={receive.error} returnId={ret.id} />}
        <Group>
          <Button
            type="submit"
            leftSection={<IconPackageImport size={18} aria-hidden />}
            loading={receive.isPending}
            disabled={mismatch || lines.length === 0}
          >
            {t(more ? 'actions.receiveMore' : 'actions.receive')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
