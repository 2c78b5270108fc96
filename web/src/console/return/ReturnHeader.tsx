import { Badge, Group, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import type { ReturnView } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { DueBadge } from '../ui/DueBadge.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { AssigneeControl } from './AssigneeControl.tsx';

const OPEN = new Set(['approved', 'in_transit', 'received', 'inspected']);

export function ReturnHeader({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <div>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            <Trans
              i18nKey="return.title"
              values={{ rma: ret.rma }}
              components={{ rma: <span className="rma" /> }}
            />
          </Title>
          {/* A live region, so a screen reader hears the new status after each step. */}
          <span role="status" data-testid="return-status">
            <StatusBadge status={ret.status} size="lg" />
          </span>
        </Group>
        <Text c="dimmed" size="sm">
          {ret.customer.name ?? ret.customer.email}
          {ret.order_number && ` · ${t('return.order', { number: ret.order_number })}`}
          {ret.requested_at && ` · ${t('return.requested', { date: format.dateTime(ret.requested_at) })}`}
        </Text>
        <AssigneeControl ret={ret} />
      </div>
      <Group gap="xs">
        {ret.status === 'requested' && ret.sla_due_at && <DueBadge at={ret.sla_due_at} kind="sla" spelled />}
        {OPEN.has(ret.status) && ret.refund_due_at && (
          <DueBadge at={ret.refund_due_at} kind="refund" spelled />
        )}
        <Badge variant="outline" color="gray">
          {t(`resolution.${ret.resolution.type}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`method.${ret.method}`, { defaultValue: ret.method })}
        </Badge>
        {ret.auto_approved && (
          <Badge variant="light" color="teal">
            {t('return.autoApproved')}
          </Badge>
        )}
      </Group>
    </Group>
  );
}
