import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { ClaimStatus } from './api.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The day the supplier's terms want the claim by. Only a claim not yet sent can miss it, so only a
 * draft turns red once the day has passed.
 */
export function DeadlineText({ deadline, status }: { deadline: string | null; status: ClaimStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!deadline) return <Text size="sm">—</Text>;
  const overdue = status === 'draft' && deadline < today();
  return (
    <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : undefined} data-overdue={overdue}>
      {format.date(`${deadline}T12:00:00Z`)}
      {overdue ? ` · ${t('suppliers.claims.overdue')}` : ''}
    </Text>
  );
}
