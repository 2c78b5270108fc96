import { Divider, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrder } from '../../api/returns.ts';
import type { ReturnView } from '../../api/types.ts';
import { SupplierLine } from '../suppliers/SupplierLine.tsx';
import { LineBlock } from './LineBlock.tsx';

export function LinesCard({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const lang = useOrder(ret.order_id).data?.customer.language ?? undefined;
  return (
    <Paper p="md" component="section" aria-labelledby="lines-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="lines-title">
          {t('return.items')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('return.policy', { version: ret.policy_version })}
        </Text>
      </Group>
      {ret.review_reasons.length > 0 && ret.status === 'requested' && (
        <Paper bg="yellow.0" p="sm" mb="sm" withBorder={false}>
          <Text size="sm" fw={600}>
            {t('return.reviewReasons')}
          </Text>
          <List size="sm" lang={lang}>
            {ret.review_reasons.map((r) => (
              <List.Item key={r.code}>{r.message}</List.Item>
            ))}
          </List>
        </Paper>
      )}
      {ret.rejection && (
        <Paper bg="red.0" p="sm" mb="sm" withBorder={false} data-testid="rejection">
          <Text size="sm" fw={600}>
            {t('return.rejected', {
              reason: t(`rejectReasons.${ret.rejection.reason_code}`, {
                defaultValue: ret.rejection.reason_code,
              }),
            })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang={lang}>
            {ret.rejection.message}
          </Text>
        </Paper>
      )}
      <Stack gap="md">
        {ret.lines.map((line, i) => (
          <Fragment key={line.line_id}>
            {i > 0 && <Divider />}
            <LineBlock line={line} currency={ret.currency} lang={lang} />
            <SupplierLine caseId={ret.id} lineId={line.line_id} />
          </Fragment>
        ))}
      </Stack>
    </Paper>
  );
}
