import { can, PERMISSIONS, type Permission } from '@domain/roles.ts';
import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../api/session.ts';
import type { ReturnView } from '../../../api/types.ts';
import { CancelAction } from './CancelAction.tsx';
import { ConfirmRefundForm } from './ConfirmRefundForm.tsx';
import { InspectForm } from './InspectForm.tsx';
import { LabelActions, LabelLink } from './LabelActions.tsx';
import { OutcomeSummary } from './OutcomeSummary.tsx';
import { ReceiveForm } from './ReceiveForm.tsx';
import { ResolvePanel } from './ResolvePanel.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { ShipForm } from './ShipForm.tsx';

type Work = 'review' | 'label' | 'ship' | 'receive' | 'inspect' | 'resolve' | 'confirm';

const PERMISSION: Record<Work, Permission> = {
  review: 'returns.review',
  label: 'returns.label',
  ship: 'returns.label',
  receive: 'returns.receive',
  inspect: 'returns.inspect',
  resolve: 'returns.resolve',
  confirm: 'returns.resolve',
};

// Methods where the customer hands the parcel to a carrier (not in store, not kept).
const SHIPPED = new Set(['label', 'drop_off', 'pickup']);
const CANCELABLE = new Set(['requested', 'approved']);
const FINAL = new Set(['completed', 'rejected', 'canceled']);

/** What the status asks for next; the server still decides (and refuses a stale page with a 409). */
function workFor(ret: ReturnView): Work[] {
  const needsLabel = ret.method === 'label' && !ret.label;
  const missing = ret.lines.some((l) => l.received_quantity < l.quantity);
  switch (ret.status) {
    case 'requested':
      return ['review'];
    case 'approved': {
      if (ret.resolution.type === 'keep_item') return ['resolve'];
      const ship: Work[] = SHIPPED.has(ret.method) ? ['ship'] : [];
      return [...(needsLabel ? (['label'] as Work[]) : []), ...ship, 'receive'];
    }
    case 'in_transit':
      return ['receive'];
    case 'received':
      // Inspect what came; a later parcel with the missing units can still be counted in.
      return missing ? ['inspect', 'receive'] : ['inspect'];
    case 'inspected':
      return ['resolve'];
    default:
      return ret.refunds.some((r) => UNPAID.has(r.status)) ? ['confirm'] : [];
  }
}

/** Refunds the customer still waits for that need a person: to be paid by hand, or refused. */
const UNPAID = new Set(['requires_action', 'failed']);

function render(work: Work, ret: ReturnView): ReactNode {
  switch (work) {
    case 'review':
      return <ReviewActions ret={ret} />;
    case 'label':
      return <LabelActions ret={ret} />;
    case 'ship':
      return <ShipForm ret={ret} />;
    case 'receive': {
      // A new form after each receipt, counting only what is still missing.
      const received = ret.lines.reduce((s, l) => s + l.received_quantity, 0);
      return <ReceiveForm key={`${ret.status}-${received}`} ret={ret} />;
    }
    case 'inspect':
      return <InspectForm ret={ret} />;
    case 'resolve':
      return <ResolvePanel ret={ret} />;
    case 'confirm':
      return ret.refunds
        .filter((r) => UNPAID.has(r.status))
        .map((r) => <ConfirmRefundForm key={r.id} ret={ret} refund={r} />);
  }
}

export function ActionsPanel({ ret }: { ret: ReturnView }) {
  const { t, i18n } = useTranslation();
  const role = useSession().data?.user.role;
  if (!role) return null;
  const work = workFor(ret);
  const mine = work.filter((w) => can(role, PERMISSION[w]));
  const others = work.filter((w) => !can(role, PERMISSION[w]));
  // The owner may do anything; naming the role whose daily job it is tells the reader whom to ask.
  const othersRoles = [...new Set(others.flatMap((w) => PERMISSIONS[PERMISSION[w]]))].filter(
    (r) => r !== 'owner',
  );
  const list = new Intl.ListFormat(i18n.language, { type: 'disjunction' });
  return (
    <Paper p="md" component="section" aria-labelledby="actions-title" data-testid="actions">
      <Title order={2} size="h4" id="actions-title" mb="sm">
        {t('actions.title')}
      </Title>
      <Stack gap="md">
        {FINAL.has(ret.status) && <OutcomeSummary ret={ret} />}
        <LabelLink ret={ret} />
        {mine.map((w, i) => (
          <Stack key={w} gap="md">
            {i > 0 && <Divider />}
            {render(w, ret)}
          </Stack>
        ))}
        {others.length > 0 && mine.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('actions.roleCannot', {
              roles: list.format(othersRoles.map((r) => t(`roles.${r}`))),
              role: t(`roles.${role}`),
            })}
          </Text>
        )}
        {CANCELABLE.has(ret.status) && can(role, 'returns.cancel') && <CancelAction ret={ret} />}
      </Stack>
    </Paper>
  );
}
