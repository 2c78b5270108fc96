// Warns when some of the store's orders would get no fee, no threshold or no ceiling because the
// policy gives no amount in their currency and no exchange rate converts one.
import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrencyCheck } from '../../api/rates.ts';
import { usePolicyLabels } from '../policy/labels.ts';

/** 'rules.2.when.order_value.min' counts rules from 1; the labels count from 0 */
const labelPath = (path: string) => path.replace(/^rules\.(\d+)\./, (_m, n) => `rules.${Number(n) - 1}.`);

export function CurrencyCheckAlert() {
  const { t } = useTranslation();
  const check = useCurrencyCheck();
  const labels = usePolicyLabels(check.data?.policy_currency ?? 'EUR');
  const unpriced = check.data?.unpriced ?? [];
  if (unpriced.length === 0) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('rates.check.title')}
      data-testid="currency-check"
    >
      <Text size="sm">{t('rates.check.body', { base: check.data?.policy_currency })}</Text>
      <List size="sm" mt={4}>
        {unpriced.map((u) => (
          <List.Item key={u.currency}>
            {t('rates.check.line', {
              currency: u.currency,
              fields: u.fields.map((f) => labels.label(labelPath(f))).join(', '),
            })}
          </List.Item>
        ))}
      </List>
      <Anchor component={Link} to="/console/rates" size="sm">
        {t('rates.check.fix')}
      </Anchor>
    </Alert>
  );
}
