// The items that have not shipped yet, each ticked to be cancelled (all by default).
import { Checkbox, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseOptions, OrderAnswer } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';

export function CancelLines({
  order,
  cancellable,
  chosen,
  onChange,
}: {
  order: OrderAnswer;
  cancellable: CaseOptions['cancellable'];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  return (
    <Paper p="md">
      <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <legend style={{ fontWeight: 600, marginBottom: 8, padding: 0 }}>
          {t('cases.new.cancellation.items')}
        </legend>
        <Stack gap="sm">
          {cancellable.map((c) => {
            const line = order.order.lines.find((l) => l.id === c.line_id);
            const label = t('order.itemTimes', { count: c.quantity, title: line?.title ?? c.line_id });
            return (
              <Checkbox
                key={c.line_id}
                label={label}
                description={
                  line ? format.money(line.unit_price * c.quantity, order.order.currency) : undefined
                }
                checked={chosen.includes(c.line_id)}
                onChange={(e) =>
                  onChange(
                    e.currentTarget.checked
                      ? [...chosen, c.line_id]
                      : chosen.filter((id) => id !== c.line_id),
                  )
                }
              />
            );
          })}
        </Stack>
      </fieldset>
    </Paper>
  );
}
