// The steps the server would accept for this role and status (`allowed`), and only those. Each
// money step says what it pays out and asks once more before it goes; a key made per form keeps a
// double click from paying twice.
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CaseView, type ResolutionType, useCaseStep } from '../../api/cases.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { ResolveForm } from './ResolveForm.tsx';

function Outcome({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const r = c.resolution;
  if (!r) return null;
  const paid = c.refunds.reduce((s, x) => s + x.amount, 0);
  return (
    <Alert color="teal" title={t(`cases.resolution.${r.type}`)} data-testid="case-outcome">
      {paid > 0 && (
        <Text size="sm">{t('cases.actions.refunded', { amount: format.money(paid, c.currency) })}</Text>
      )}
      {r.type === 'store_credit' && typeof r.amount === 'number' && (
        <Text size="sm">{format.money(r.amount, c.currency)}</Text>
      )}
      {c.replacement && (
        <Text size="sm">
          {t('cases.actions.replacement', { number: c.replacement.number, status: c.replacement.status })}
        </Text>
      )}
      {c.return_id && (
        <Anchor component={Link} to={`/console/returns/${c.return_id}`} size="sm">
          {t('cases.actions.openReturn')}
        </Anchor>
      )}
      {typeof r.message === 'string' && r.message && <Text size="sm">{r.message}</Text>}
    </Alert>
  );
}

export function CaseActions({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const step = useCaseStep(c.id);
  const [open, setOpen] = useState<ResolutionType | 'offer' | null>(null);
  const a = c.allowed;
  const disputeSteps = a.dispute_steps ?? [];
  const any =
    a.moves.length + a.resolutions.length + disputeSteps.length > 0 ||
    a.can_offer ||
    a.can_intercept ||
    a.can_convert_to_return;
  const full = c.amounts.full_refund;
  return (
    <Paper p="md" component="section" aria-labelledby="case-actions-title" data-testid="case-actions">
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-actions-title">
          {t('cases.actions.title')}
        </Title>
        <Outcome c={c} />
        {c.offer && c.status === 'waiting_customer' && (
          <Alert color="blue" data-testid="pending-offer">
            {t('cases.actions.offerPending', {
              offer: t(`cases.resolution.${c.offer.resolution.type}`),
              amount:
                typeof c.offer.resolution.amount === 'number'
                  ? format.money(c.offer.resolution.amount, c.currency)
                  : '',
            })}
          </Alert>
        )}
        {full && !c.resolution && full.items + full.tax + full.shipping !== full.total && (
          <Text size="sm" data-testid="full-refund">
            {t('cases.actions.fullRefundOnly', { total: format.money(full.total, c.currency) })}
          </Text>
        )}
        {full && !c.resolution && full.items + full.tax + full.shipping === full.total && (
          <Text size="sm" data-testid="full-refund">
            {t('cases.actions.fullRefund', {
              total: format.money(full.total, c.currency),
              items: format.money(full.items, c.currency),
              tax: format.money(full.tax, c.currency),
              shipping: format.money(full.shipping, c.currency),
            })}
          </Text>
        )}
        {!any && !c.resolution && (
          <Text size="sm" c="dimmed">
            {t('cases.actions.none')}
          </Text>
        )}
        {a.resolutions.length > 0 && (
          <Group gap="xs">
            {a.resolutions.map((r) => (
              <Button
                key={r}
                variant={open === r ? 'filled' : 'light'}
                color={r === 'none' ? 'gray' : 'teal'}
                onClick={() => setOpen(open === r ? null : r)}
                data-testid={`resolve-${r}`}
              >
                {t(`cases.actions.resolve.${r}`)}
              </Button>
            ))}
            {a.can_offer && (
              <Button
                variant={open === 'offer' ? 'filled' : 'light'}
                onClick={() => setOpen(open === 'offer' ? null : 'offer')}
                data-testid="make-offer"
              >
                {t('cases.actions.offer')}
              </Button>
            )}
          </Group>
        )}
        {open && <ResolveForm key={open} c={c} type={open} onDone={() => setOpen(null)} />}
        {(a.moves.length > 0 || a.can_intercept || a.can_convert_to_return || disputeSteps.length > 0) && (
          <Group gap="xs">
            {a.moves.map((to) => (
              <Button
                key={to}
                variant="default"
                size="sm"
                loading={step.isPending}
                onClick={() => step.mutate({ path: 'move', body: { to } })}
                data-testid={`move-${to}`}
              >
                {t(`cases.actions.move.${to}`)}
              </Button>
            ))}
            {a.can_intercept &&
              (['requested', 'succeeded', 'failed'] as const).map((outcome) => (
                <Button
                  key={outcome}
                  variant="default"
                  size="sm"
                  loading={step.isPending}
                  onClick={() => step.mutate({ path: 'intercept', body: { outcome } })}
                >
                  {t(`cases.actions.intercept.${outcome}`)}
                </Button>
              ))}
            {disputeSteps.map((status) => (
              <Button
                key={status}
                variant="default"
                size="sm"
                loading={step.isPending}
                onClick={() => step.mutate({ path: 'dispute', body: { status } })}
                data-testid={`dispute-${status}`}
              >
                {t(`cases.actions.dispute.${status}`)}
              </Button>
            ))}
            {c.data.provider === 'stripe' && disputeSteps.includes('submitted') && (
              <Button
                variant="light"
                size="sm"
                loading={step.isPending}
                onClick={() => step.mutate({ path: 'dispute/submit-evidence', body: {} })}
                data-testid="dispute-send-stripe"
              >
                {t('cases.actions.sendToStripe')}
              </Button>
            )}
            {a.can_convert_to_return && (
              <Button
                variant="default"
                size="sm"
                loading={step.isPending}
                onClick={() => step.mutate({ path: 'return', body: {} })}
              >
                {t('cases.actions.toReturn')}
              </Button>
            )}
          </Group>
        )}
        {c.kind === 'dispute' && (
          <Group>
            <Button
              component="a"
              href={`/api/v1/cases/${c.id}/evidence-pack.pdf`}
              download={`${c.number}-evidence.pdf`}
              variant="outline"
              leftSection={<IconFileTypePdf size={18} aria-hidden />}
              h="auto"
              py={8}
              styles={{ label: { whiteSpace: 'normal' } }}
              data-testid="evidence-pack"
            >
              {t('cases.actions.evidencePack')}
            </Button>
          </Group>
        )}
        {step.error && <ProblemAlert error={step.error} />}
      </Stack>
    </Paper>
  );
}
