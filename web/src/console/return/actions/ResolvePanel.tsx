import type { ResolutionType } from '@domain/policy/types.ts';
import { settleReturn } from '@domain/returns/settlement.ts';
import {
  Alert,
  Button,
  Checkbox,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCash, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicyVersions } from '../../../api/policy.ts';
import type { ReturnView } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/format.ts';
import { StepError } from './StepError.tsx';
import { useStep } from './useStep.ts';

/** The preview runs the domain's own settlement, the function the server pays out with. */
function usePreview(ret: ReturnView, resolution: ResolutionType) {
  const versions = usePolicyVersions();
  if (!versions.data) return null;
  const policy = versions.data.data.find((p) => p.version === ret.policy_version);
  return settleReturn({
    resolution,
    decision: { ...(ret.exchange ? { exchange: ret.exchange } : {}) },
    storeCreditBonusPercent: policy?.document.store_credit_bonus_percent ?? 0,
    lines: ret.lines.map((l) => ({
      line_id: l.line_id,
      quantity: l.quantity,
      received_quantity: l.received_quantity,
      deduction: l.inspection?.deduction.amount ?? 0,
      refund: l.refund,
    })),
  });
}

export function ResolvePanel({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const resolve = useStep(ret.id, 'resolve');
  const asked = ret.resolution.type;
  // The team may pay out otherwise than the customer asked (an exchange whose item is gone, a
  // customer who agreed to store credit); a keep-the-item return only ever refunds.
  const choices: ResolutionType[] =
    asked === 'keep_item' ? [] : [...new Set<ResolutionType>([asked, 'refund', 'store_credit'])];
  const [chosen, setChosen] = useState<ResolutionType>(asked);
  // Store credit instead of what the customer asked for needs their word (the server refuses it otherwise).
  const needsAgreement = chosen === 'store_credit' && asked !== 'store_credit';
  const [agreed, setAgreed] = useState(false);
  const preview = usePreview(ret, chosen);
  if (!preview) return <Skeleton h={200} />;
  const money = (amount: number) => format.money(amount, ret.currency);
  const b = preview.breakdown;
  const rows: [string, number][] = [
    ['items', b.items],
    ['tax', b.tax],
    ['shipping', b.shipping],
    ['fees', -b.fees],
    ['deductions', -b.deductions],
  ];
  const confirm =
    preview.store_credit > 0
      ? t('actions.confirmStoreCredit', { amount: money(preview.store_credit) })
      : preview.refund > 0
        ? t('actions.confirmResolve', { amount: money(preview.refund) })
        : t('actions.confirmComplete');
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('actions.resolveTitle')}
      </Title>
      {choices.length > 1 && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="payout-as">
            {t('actions.payoutAs')}
          </Text>
          <SegmentedControl
            aria-labelledby="payout-as"
            value={chosen}
            onChange={(v) => setChosen(v as ResolutionType)}
            data={choices.map((c) => ({ value: c, label: t(`resolution.${c}`) }))}
            maw={440}
          />
          {needsAgreement && (
            <Checkbox
              label={t('actions.customerAgreed')}
              checked={agreed}
              onChange={(e) => setAgreed(e.currentTarget.checked)}
            />
          )}
          {chosen !== asked && (
            <Text size="sm" c="dimmed">
              {t('actions.payoutChanged', {
                asked: t(`resolution.${asked}`),
                chosen: t(`resolution.${chosen}`),
              })}
            </Text>
          )}
        </Stack>
      )}
      <Table maw={440} data-testid="breakdown" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Table.Tbody>
          {rows.map(([key, amount]) => (
            <Table.Tr key={key}>
              <Table.Th fw={400}>{t(`actions.breakdown.${key}`)}</Table.Th>
              <Table.Td ta="end">{money(amount)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th>{t('actions.breakdown.total')}</Table.Th>
            <Table.Td ta="end" fw={700}>
              {money(b.total)}
            </Table.Td>
          </Table.Tr>
          {preview.refund > 0 && (
            <Table.Tr>
              <Table.Th>{t('actions.breakdown.refund')}</Table.Th>
              <Table.Td ta="end" fw={700} c="teal.9">
                {money(preview.refund)}
              </Table.Td>
            </Table.Tr>
          )}
          {preview.store_credit > 0 && (
            <Table.Tr>
              <Table.Th>
                {t('actions.breakdown.storeCredit', { bonus: money(preview.store_credit_bonus) })}
              </Table.Th>
              <Table.Td ta="end" fw={700}>
                {money(preview.store_credit)}
              </Table.Td>
            </Table.Tr>
          )}
          {preview.due_from_customer > 0 && (
            <Table.Tr>
              <Table.Th>{t('actions.breakdown.dueFromCustomer')}</Table.Th>
              <Table.Td ta="end">{money(preview.due_from_customer)}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Alert variant="light" color="blue" role="note" icon={<IconInfoCircle aria-hidden />}>
        <Text size="sm">{t('actions.resolveHint')}</Text>
      </Alert>
      {resolve.isError && <StepError error={resolve.error} returnId={ret.id} />}
      <div>
        <Button
          leftSection={<IconCash size={18} aria-hidden />}
          loading={resolve.isPending}
          disabled={needsAgreement && !agreed}
          onClick={() =>
            resolve.mutate(
              chosen === asked
                ? {}
                : { resolution: { type: chosen, customer_agreed: needsAgreement && agreed } },
            )
          }
        >
          {confirm}
        </Button>
      </div>
    </Stack>
  );
}
