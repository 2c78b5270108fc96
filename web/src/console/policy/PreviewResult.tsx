import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrder } from '../../api/returns.ts';
import type { Eligibility } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { Compared } from './Compared.tsx';
import { PreviewLine } from './PreviewLine.tsx';

/** The draft's decision for the order, each value beside the saved policy's where they differ. */
export function PreviewResult({ draft, saved }: { draft: Eligibility; saved: Eligibility }) {
  const { t } = useTranslation();
  const format = useFormat();
  const order = useOrder(draft.order_id).data;
  const money = (n: number) => format.money(n, draft.currency);
  const zone = order?.customer.time_zone ?? undefined;
  return (
    <Stack gap="sm" mt="md" data-testid="preview-result">
      {order && (
        <Text size="sm" fw={600}>
          {t('policy.preview.orderTitle', {
            number: order.number,
            customer: order.customer.name,
            country: format.country(order.shipping_address.country),
          })}
        </Text>
      )}
      <Group gap={6}>
        <Badge color={draft.eligible ? 'teal' : 'red'} variant="light">
          {t(draft.eligible ? 'policy.preview.allEligible' : 'policy.preview.notAllEligible')}
        </Badge>
        <Badge color={draft.auto_approve ? 'teal' : 'yellow'} variant="light">
          {t(draft.auto_approve ? 'policy.preview.autoApproved' : 'policy.preview.toReview')}
        </Badge>
        {(draft.eligible !== saved.eligible || draft.auto_approve !== saved.auto_approve) && (
          <Badge color="orange" variant="filled">
            {t('policy.preview.changed')}
          </Badge>
        )}
      </Group>
      <Compared
        label={t('policy.preview.refundTotal')}
        now={money(draft.totals.total)}
        was={money(saved.totals.total)}
        strong
      />
      {draft.review_reasons.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('return.reviewReasons')}
          </Text>
          <List size="sm">
            {draft.review_reasons.map((r) => (
              <List.Item key={r.code}>{r.message}</List.Item>
            ))}
          </List>
        </div>
      )}
      {draft.lines.map((line) => (
        <PreviewLine
          key={line.line_id}
          line={line}
          saved={saved.lines.find((l) => l.line_id === line.line_id)}
          title={order?.lines.find((l) => l.id === line.line_id)?.title ?? line.line_id}
          currency={draft.currency}
          timeZone={zone}
        />
      ))}
    </Stack>
  );
}
