// The steps the server says the claim can take next, each as a button or a small form: send,
// acknowledge (with the supplier's reference), accept (in full or per line for less), reject (with
// the supplier's reason), record a credit; a draft can also be deleted. A refused step shows why.
import { can } from '@domain/roles.ts';
import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../api/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { MoneyInput } from '../ui/MoneyInput.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { type Claim, useClaimAction, useDeleteClaim } from './api.ts';
import { REMEDIES } from './terms-fields.ts';

type Action = ReturnType<typeof useClaimAction>;

function AcceptForm({ claim, action }: { claim: Claim; action: Action }) {
  const { t } = useTranslation();
  const [amounts, setAmounts] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(claim.lines.map((l) => [l.id, l.amount])),
  );
  const full = claim.lines.every((l) => amounts[l.id] === l.amount);
  return (
    <Stack gap="xs" data-testid="accept-form">
      <Text size="sm" fw={600}>
        {t('suppliers.steps.acceptTitle')}
      </Text>
      {claim.lines.map((l) => (
        <MoneyInput
          key={l.id}
          label={`${l.quantity} × ${l.description}`}
          currency={claim.currency}
          value={amounts[l.id]}
          onChange={(v) => setAmounts((a) => ({ ...a, [l.id]: v }))}
          maw={240}
        />
      ))}
      <Button
        color="grape"
        style={{ alignSelf: 'flex-start' }}
        loading={action.isPending}
        disabled={claim.lines.some((l) => amounts[l.id] === null)}
        onClick={() =>
          action.mutate({
            path: 'accept',
            body: full
              ? {}
              : { lines: claim.lines.map((l) => ({ id: l.id, accepted_amount: amounts[l.id] ?? 0 })) },
          })
        }
      >
        {full ? t('suppliers.steps.acceptFull') : t('suppliers.steps.acceptPart')}
      </Button>
    </Stack>
  );
}

function CreditForm({ claim, action }: { claim: Claim; action: Action }) {
  const { t } = useTranslation();
  const format = useFormat();
  const owed = Math.max(0, (claim.accepted_amount ?? 0) - claim.credited_amount);
  const [f, setF] = useState({
    kind: 'credit' as (typeof REMEDIES)[number],
    amount: owed as number | null,
    units: 0,
    reference: '',
    received_on: new Date().toISOString().slice(0, 10),
    note: '',
  });
  return (
    <form
      data-testid="credit-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (f.amount === null) return;
        action.mutate({ path: 'credit', body: { ...f, amount: f.amount } });
      }}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('suppliers.steps.creditTitle', { owed: format.money(owed, claim.currency) })}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('suppliers.credit.kind')}
            value={f.kind}
            allowDeselect={false}
            data={REMEDIES.map((r) => ({ value: r, label: t(`suppliers.remedy.${r}`) }))}
            onChange={(v) => v && setF({ ...f, kind: v as typeof f.kind })}
            w={160}
          />
          <MoneyInput
            label={t('suppliers.credit.amount')}
            currency={claim.currency}
            value={f.amount}
            onChange={(amount) => setF({ ...f, amount })}
            required
            maw={180}
          />
          {f.kind === 'replacement' && (
            <NumberInput
              label={t('suppliers.credit.units')}
              min={0}
              value={f.units}
              onChange={(v) => setF({ ...f, units: typeof v === 'number' ? v : 0 })}
              w={100}
            />
          )}
          <TextInput
            label={t('suppliers.credit.reference')}
            required
            value={f.reference}
            onChange={(e) => setF({ ...f, reference: e.currentTarget.value })}
            w={200}
          />
          <TextInput
            label={t('suppliers.credit.receivedOn')}
            type="date"
            required
            value={f.received_on}
            onChange={(e) => setF({ ...f, received_on: e.currentTarget.value })}
            w={170}
          />
        </Group>
        <TextInput
          label={t('suppliers.credit.note')}
          value={f.note}
          onChange={(e) => setF({ ...f, note: e.currentTarget.value })}
        />
        <Button
          type="submit"
          color="teal"
          style={{ alignSelf: 'flex-start' }}
          loading={action.isPending}
          disabled={f.amount === null || !f.reference.trim() || !f.received_on}
        >
          {t('suppliers.steps.credit')}
        </Button>
      </Stack>
    </form>
  );
}

export function ClaimSteps({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const role = useSession().data?.user.role;
  const canWrite = role ? can(role, 'claims.write') : false;
  const canCredit = role ? can(role, 'claims.credit') : false;
  const action = useClaimAction(claim.id);
  const remove = useDeleteClaim();
  const [note, setNote] = useState('');
  const [reference, setReference] = useState(claim.supplier_reference ?? '');
  const [reason, setReason] = useState('');
  const steps = claim.next_steps;
  const shown = steps.filter((s) => (s === 'credit' ? canCredit : canWrite));
  if (shown.length === 0 && !(claim.status === 'draft' && canWrite)) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="claim-steps-title" data-testid="claim-steps">
      <Title order={2} size="h4" id="claim-steps-title" mb="sm">
        {t('suppliers.steps.title')}
      </Title>
      <Stack gap="md">
        {shown.includes('send') && (
          <Stack gap="xs">
            <Textarea
              label={t('suppliers.steps.sendNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group gap="sm">
              <Button
                loading={action.isPending}
                onClick={() => action.mutate({ path: 'send', body: { note } })}
              >
                {claim.supplier.email
                  ? t('suppliers.steps.sendEmail', { email: claim.supplier.email })
                  : t('suppliers.steps.markSent')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(claim.id, {
                    onSuccess: () =>
                      navigate(`/console/suppliers/${encodeURIComponent(claim.supplier.code)}`),
                  })
                }
              >
                {t('suppliers.steps.deleteDraft')}
              </Button>
            </Group>
          </Stack>
        )}
        {shown.includes('acknowledge') && (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('suppliers.steps.supplierReference')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              w={240}
            />
            <Button
              variant="light"
              loading={action.isPending}
              onClick={() =>
                action.mutate({ path: 'acknowledge', body: { supplier_reference: reference.trim() || null } })
              }
            >
              {t('suppliers.steps.acknowledge')}
            </Button>
          </Group>
        )}
        {shown.includes('accept') && <AcceptForm claim={claim} action={action} />}
        {shown.includes('reject') && (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('suppliers.steps.rejectReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              w={320}
            />
            <Button
              color="red"
              variant="light"
              disabled={!reason.trim()}
              loading={action.isPending}
              onClick={() => action.mutate({ path: 'reject', body: { reason } })}
            >
              {t('suppliers.steps.reject')}
            </Button>
          </Group>
        )}
        {shown.includes('credit') && <CreditForm claim={claim} action={action} />}
        {action.isError && <ProblemAlert error={action.error} />}
        {remove.isError && <ProblemAlert error={remove.error} />}
      </Stack>
    </Paper>
  );
}
