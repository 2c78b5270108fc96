// One ordered item and what the store's policy, held to the customer's law, says about it today.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconClock, IconTruckDelivery } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePortalFormat } from '../i18n/format.ts';
import { Explanations } from '../layout/Explanations.tsx';
import { ItemImage } from '../layout/ItemImage.tsx';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';
import { itemReasons, type LineState } from './lineState.ts';

// The deadline is stated once, in the badge line, in the viewer's zone: the engine's own sentence
// about it would repeat it in the customer's home zone.
const SAID_ABOVE = ['within_window'];

/** The item's outcome in one line: returnable until when, or not, and what can still be done. */
function Verdict({ state }: { state: LineState }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  if (state.kind === 'not_delivered')
    return (
      <Badge color="gray.7" variant="filled" leftSection={<IconTruckDelivery size={14} aria-hidden />}>
        {t('order.notDelivered')}
      </Badge>
    );
  if (state.kind === 'in_return')
    return (
      <Badge color="blue.8" variant="filled" leftSection={<IconClock size={14} aria-hidden />}>
        {t('order.inReturn')}
      </Badge>
    );
  const { decision } = state;
  if (state.kind === 'returnable')
    return (
      <Group gap="xs" wrap="wrap" data-testid="line-outcome">
        <Badge color="teal.9" variant="filled" leftSection={<IconCircleCheck size={14} aria-hidden />}>
          {t('order.returnable')}
        </Badge>
        {decision.deadline && (
          <Text size="sm" fw={600} data-testid="line-deadline">
            {t('order.until', { date: format.deadline(decision.deadline) })}
          </Text>
        )}
      </Group>
    );
  return (
    <Group gap="xs" wrap="wrap" data-testid="line-outcome">
      <Badge color="red.9" variant="filled" leftSection={<IconCircleX size={14} aria-hidden />}>
        {t('order.notReturnable')}
      </Badge>
      <Text size="sm">{t('order.faultStill')}</Text>
    </Group>
  );
}

/** The reasons behind the outcome, on demand: a native disclosure, closed until asked. */
function Reasons({ state }: { state: LineState }) {
  const { t } = useTranslation('portal');
  if (state.kind !== 'returnable' && state.kind !== 'not_returnable') return null;
  const reasons = itemReasons(state.decision.explanations).filter((e) => !SAID_ABOVE.includes(e.code));
  const fault = state.kind === 'not_returnable';
  if (reasons.length === 0 && !fault) return null;
  return (
    <details className="reasons" data-testid="line-reasons">
      <summary>{t(fault ? 'order.whyNot' : 'order.whyUntil')}</summary>
      <Stack gap="xs" mt="xs">
        <Explanations items={reasons} />
        {fault && (
          <Text size="sm" c="dark.5">
            {t('order.faultHint')}
          </Text>
        )}
      </Stack>
    </details>
  );
}

export function LineCard({ state, currency }: { state: LineState; currency: string }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const { store } = usePortalScope();
  const { line } = state;
  const returns = state.kind === 'not_delivered' ? [] : state.returns;
  return (
    <Paper p="md" component="li" data-line={line.id} data-state={state.kind}>
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ItemImage url={line.image_url} />
          <div style={{ minWidth: 0 }}>
            <Text fw={600}>{line.title}</Text>
            {line.variant && (
              <Text size="sm" c="gray.7">
                {line.variant}
              </Text>
            )}
            <Text size="sm">
              {t('order.quantityPrice', {
                count: line.quantity,
                price: format.money(line.unit_price, currency),
              })}
              {line.delivered_at && (
                <Text span size="xs" c="gray.7" display="block">
                  {t('order.deliveredOn', { date: format.date(line.delivered_at) })}
                </Text>
              )}
            </Text>
          </div>
        </Group>
        <Verdict state={state} />
        {state.kind !== 'in_return' && state.kind !== 'not_delivered' && state.taken > 0 && (
          <Text size="sm">
            {t('order.partlyInReturn', { count: state.taken, remaining: state.remaining })}
          </Text>
        )}
        <Reasons state={state} />
        {returns.length > 0 && (
          <Group gap="xs">
            {returns.map((r) => (
              <Anchor key={r.id} component={Link} to={portalPath(store, `returns/${r.id}`)} size="sm">
                {t('order.seeReturn', { rma: r.rma })}
              </Anchor>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
