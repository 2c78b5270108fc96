import { Autocomplete, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnView } from '../../../api/types.ts';
import { StepError } from './StepError.tsx';
import { useStep } from './useStep.ts';

// Suggestions only: any carrier name is accepted.
const CARRIERS = [
  'DHL',
  'DPD',
  'GLS',
  'UPS',
  'FedEx',
  'Hermes',
  'La Poste',
  'Royal Mail',
  'USPS',
  'PostNL',
  'SF Express',
  'Japan Post',
  'Correios',
];

/** The customer says the parcel left (e.g. with their own carrier): record it with its tracking number. */
export function ShipForm({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const ship = useStep(ret.id, 'ship');
  // The store's own label names its label provider, not the carrier the customer chose: start empty.
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState(ret.label?.tracking_number ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ship.mutate({
      ...(carrier.trim() ? { carrier: carrier.trim() } : {}),
      ...(tracking.trim() ? { tracking_number: tracking.trim() } : {}),
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="ship-title">
      <Stack gap="xs">
        <div>
          <Title order={3} size="h5" id="ship-title">
            {t('actions.shipTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('actions.shipHint')}
          </Text>
        </div>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Autocomplete
            label={t('actions.carrier')}
            data={CARRIERS}
            value={carrier}
            onChange={setCarrier}
            maxLength={100}
            w={200}
          />
          <TextInput
            label={t('actions.trackingNumber')}
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
            classNames={{ input: 'rma' }}
            maxLength={100}
            w={240}
          />
          <Button
            type="submit"
            variant="light"
            leftSection={<IconTruckDelivery size={18} aria-hidden />}
            loading={ship.isPending}
          >
            {t('actions.markShipped')}
          </Button>
        </Group>
        {ship.isError && <StepError error={ship.error} returnId={ret.id} />}
      </Stack>
    </form>
  );
}
