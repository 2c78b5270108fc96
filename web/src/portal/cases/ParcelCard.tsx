// One parcel on its way: carrier and tracking, when it left, how many days it has travelled, and
// from when it counts as lost. The report buttons show only when the server says they may be used;
// before that the customer reads the date from which they can.
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ParcelClock } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { Explanations } from '../layout/Explanations.tsx';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';

/** `preview`: shown on the report form itself, where the buttons and the "already told us" would be noise. */
export function ParcelCard({ parcel: p, preview = false }: { parcel: ParcelClock; preview?: boolean }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const { store } = usePortalScope();
  const past = p.lost_from !== null && Date.parse(p.lost_from) <= Date.now();
  const report = (kind: 'lost_parcel' | 'delivery_delay') =>
    portalPath(store, `cases/new/${kind}?parcel=${encodeURIComponent(p.id)}`);
  return (
    <Paper p="md" data-testid="parcel" data-parcel={p.id}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconTruckDelivery size={20} aria-hidden />
          <Text fw={600}>
            {p.carrier ? t('cases.parcel.titleCarrier', { carrier: p.carrier }) : t('cases.parcel.title')}
          </Text>
        </Group>
        {p.tracking_number && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('cases.parcel.tracking', { number: p.tracking_number })}
          </Text>
        )}
        {p.shipped_at && (
          <Text size="sm" data-testid="parcel-clock">
            {t('cases.parcel.shipped', {
              date: format.date(p.shipped_at),
              days: p.days_in_transit ?? 0,
            })}
          </Text>
        )}
        {p.lost_from && !p.can_report_lost && !past && (
          <Text size="sm" data-testid="parcel-threshold">
            {t('cases.parcel.lostFrom', { date: format.date(p.lost_from) })}
          </Text>
        )}
        {/* past the threshold without the button: the server has this parcel's case already */}
        {past && !p.can_report_lost && !preview && (
          <Text size="sm" data-testid="parcel-reported">
            {t('cases.parcel.reported')}
          </Text>
        )}
        {p.can_report_lost && (
          <Text size="sm" fw={600} c="red.9">
            {t('cases.parcel.countsLost')}
          </Text>
        )}
        <Explanations items={p.explanations} />
        {!preview && (p.can_report_lost || p.can_report_delay) && (
          <Group gap="sm">
            {p.can_report_lost && (
              <Button component={Link} to={report('lost_parcel')} color="red.9" data-testid="report-lost">
                {t('cases.parcel.reportLost')}
              </Button>
            )}
            {p.can_report_delay && (
              <Button component={Link} to={report('delivery_delay')} variant="outline">
                {t('cases.parcel.reportDelay')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
