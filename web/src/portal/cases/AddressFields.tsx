// The new delivery address. The country stays the order's: a parcel cannot change country after
// the order was priced and taxed for it.
import { Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Address, OrderAnswer } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';

export function emptyAddress(order: OrderAnswer['order']): Address {
  return {
    name: order.customer.name ?? '',
    line1: '',
    line2: null,
    city: '',
    region: null,
    postal_code: null,
    country: order.destination_country,
  };
}

export const isComplete = (a: Address) => Boolean(a.name.trim() && a.line1.trim() && a.city.trim());

export function AddressFields({
  value,
  onChange,
  touched,
}: {
  value: Address;
  onChange: (a: Address) => void;
  touched: boolean;
}) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const set = (field: keyof Address) => (e: { currentTarget: { value: string } }) =>
    onChange({
      ...value,
      [field]:
        e.currentTarget.value || (field === 'name' || field === 'line1' || field === 'city' ? '' : null),
    });
  const missing = (v: string) => (touched && !v.trim() ? t('cases.new.address_change.missing') : null);
  return (
    <Paper p="md">
      <Stack gap="sm">
        <TextInput
          label={t('cases.address.name')}
          value={value.name}
          onChange={set('name')}
          required
          autoComplete="name"
          error={missing(value.name)}
        />
        <TextInput
          label={t('cases.address.line1')}
          value={value.line1}
          onChange={set('line1')}
          required
          autoComplete="address-line1"
          error={missing(value.line1)}
        />
        <TextInput
          label={t('cases.address.line2')}
          value={value.line2 ?? ''}
          onChange={set('line2')}
          autoComplete="address-line2"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t('cases.address.postalCode')}
            value={value.postal_code ?? ''}
            onChange={set('postal_code')}
            autoComplete="postal-code"
          />
          <TextInput
            label={t('cases.address.city')}
            value={value.city}
            onChange={set('city')}
            required
            autoComplete="address-level2"
            error={missing(value.city)}
          />
        </SimpleGrid>
        <TextInput
          label={t('cases.address.region')}
          value={value.region ?? ''}
          onChange={set('region')}
          autoComplete="address-level1"
        />
        <TextInput
          label={t('cases.address.country')}
          value={
            new Intl.DisplayNames([format.locale], { type: 'region' }).of(value.country) ?? value.country
          }
          readOnly
        />
      </Stack>
    </Paper>
  );
}
