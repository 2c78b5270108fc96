// Everything about the order besides a return, beside the "return items" button: cancel what has
// not shipped, change the address before shipment, each parcel with where it stands (and when it
// may be reported lost), a problem with an item that arrived, and the cases so far.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconHome, IconMessageQuestion, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseOptions } from '../api/case-queries.ts';
import type { OrderAnswer } from '../api/types.ts';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';
import { CasesList } from './CasesList.tsx';
import { ParcelCard } from './ParcelCard.tsx';

/** A label longer than a phone is wide wraps onto a second line instead of being cut off. */
const wrapping = { h: 'auto', py: 8, styles: { label: { whiteSpace: 'normal' } } } as const;

export function OrderHelp({ order }: { order: OrderAnswer }) {
  const { t } = useTranslation('portal');
  const { store } = usePortalScope();
  const options = useCaseOptions();
  if (!options.data) return null; // the returns part of the page works without it
  const o = options.data;
  const delivered = order.order.lines.some((l) => l.delivered_at);
  const parcels = o.fulfillments.filter((f) => f.state === 'in_transit');
  const to = (path: string) => portalPath(store, path);
  return (
    <>
      <Stack gap="sm" component="section" aria-labelledby="help-title">
        <Title order={2} size="h4" id="help-title">
          {t('cases.help.title')}
        </Title>
        {parcels.map((p) => (
          <ParcelCard key={p.id} parcel={p} />
        ))}
        <Paper p="md">
          <Group gap="sm">
            {o.cancellable.length > 0 && (
              <Button
                component={Link}
                to={to('cases/new/cancellation')}
                variant="outline"
                color="red.9"
                leftSection={<IconX size={18} aria-hidden />}
                {...wrapping}
                data-testid="cancel-order"
              >
                {t('cases.help.cancel')}
              </Button>
            )}
            {o.address_changeable && (
              <Button
                component={Link}
                to={to('cases/new/address_change')}
                variant="outline"
                leftSection={<IconHome size={18} aria-hidden />}
                {...wrapping}
                data-testid="change-address"
              >
                {t('cases.help.address')}
              </Button>
            )}
            {delivered && (
              <Button
                component={Link}
                to={to('cases/new/item_problem')}
                variant="outline"
                color="dark"
                leftSection={<IconAlertTriangle size={18} aria-hidden />}
                {...wrapping}
                data-testid="report-problem"
              >
                {t('cases.help.problem')}
              </Button>
            )}
            <Button
              component={Link}
              to={to('cases/new/inquiry')}
              variant="subtle"
              leftSection={<IconMessageQuestion size={18} aria-hidden />}
              {...wrapping}
            >
              {t('cases.help.question')}
            </Button>
          </Group>
          {o.cancellable.length === 0 && !o.address_changeable && (
            <Text size="sm" c="gray.7" mt="xs">
              {t('cases.help.shipped')}
            </Text>
          )}
        </Paper>
      </Stack>
      <CasesList cases={o.cases} />
    </>
  );
}
