// The supplier's terms as a form: every field, the per-SKU exceptions as a small table, saved as a
// new version against the version it was opened at (someone else's save in between is a conflict,
// said as such, with the newer version one click away). Only the owner edits; the others read.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/transport.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { type SupplierDetail, type Terms, useSaveTerms } from './api.ts';
import { OverridesTable } from './OverridesTable.tsx';
import { defaultTerms, EVIDENCE, optionsOf, overridesOf, rowsOf } from './terms-fields.ts';

type Address = NonNullable<Terms['return_address']>;
const EMPTY_ADDRESS: Address = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  postal_code: '',
  region: '',
  country: '',
};

export function TermsForm({
  s,
  storeCurrency,
  canEdit,
  onReload,
}: {
  s: SupplierDetail;
  storeCurrency: string;
  canEdit: boolean;
  /** throw the edits away and open the terms as they now are */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveTerms(s.code);
  const [terms, setTerms] = useState<Terms>(() => s.terms ?? defaultTerms(storeCurrency));
  const [rows, setRows] = useState(() => rowsOf(terms.sku_overrides));
  const [openedAt, setOpenedAt] = useState(s.terms_version);
  const set = <K extends keyof Terms>(key: K, value: Terms[K]) => setTerms((x) => ({ ...x, [key]: value }));
  const address = terms.return_address;
  const setAddress = (patch: Partial<Address>) =>
    set('return_address', { ...(address ?? EMPTY_ADDRESS), ...patch });
  const conflict = save.error instanceof ApiError && save.error.problem.code === 'conflict';
  const ro = !canEdit;
  const select = (key: 'window_from' | 'reasons' | 'return_shipping_paid_by' | 'remedy') => (
    <Select
      label={t(`suppliers.field.${key}`)}
      value={terms[key]}
      data={optionsOf(t, key)}
      allowDeselect={false}
      readOnly={ro}
      onChange={(v) => v && set(key, v as never)}
    />
  );
  const days = (key: 'window_days' | 'claim_deadline_days') => (
    <NumberInput
      label={t(`suppliers.field.${key}`)}
      min={0}
      max={3650}
      value={terms[key]}
      readOnly={ro}
      onChange={(v) => set(key, typeof v === 'number' ? v : 0)}
    />
  );
  return (
    <Paper p="md" component="section" aria-labelledby="terms-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { terms: { ...terms, sku_overrides: overridesOf(rows) }, expected: openedAt },
            { onSuccess: (r) => setOpenedAt(r.version) },
          );
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4" id="terms-title">
              {t('suppliers.termsTitle')}
            </Title>
            <Text size="sm" c="dimmed" data-testid="terms-version">
              {openedAt > 0 ? t('suppliers.version', { version: openedAt }) : t('suppliers.noTerms')}
            </Text>
          </Group>
          <Group gap="xl">
            <Switch
              label={t('suppliers.field.accepts_returns')}
              checked={terms.accepts_returns}
              disabled={ro}
              onChange={(e) => set('accepts_returns', e.currentTarget.checked)}
            />
            <Switch
              label={t('suppliers.field.covers_lost_parcels')}
              checked={terms.covers_lost_parcels}
              disabled={ro}
              onChange={(e) => set('covers_lost_parcels', e.currentTarget.checked)}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {days('window_days')}
            {select('window_from')}
            {select('reasons')}
            <NumberInput
              label={t('suppliers.field.restocking_fee_percent')}
              min={0}
              max={100}
              suffix=" %"
              value={terms.restocking_fee_percent}
              readOnly={ro}
              onChange={(v) => set('restocking_fee_percent', typeof v === 'number' ? v : 0)}
            />
            {select('remedy')}
            {select('return_shipping_paid_by')}
            {days('claim_deadline_days')}
            <TextInput
              label={t('suppliers.field.currency')}
              value={terms.currency}
              maxLength={3}
              readOnly={ro}
              onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('suppliers.field.evidence')}
            value={terms.evidence}
            onChange={(v) => !ro && set('evidence', v as Terms['evidence'])}
          >
            <Group gap="md" mt={4}>
              {EVIDENCE.map((e) => (
                <Checkbox key={e} value={e} label={t(`suppliers.evidence.${e}`)} disabled={ro} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch
            label={t('suppliers.field.return_address')}
            checked={address !== null}
            disabled={ro}
            onChange={(e) => set('return_address', e.currentTarget.checked ? EMPTY_ADDRESS : null)}
          />
          {address && (
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
              {(['name', 'line1', 'line2', 'city', 'postal_code', 'region', 'country'] as const).map((k) => (
                <TextInput
                  key={k}
                  label={t(`suppliers.address.${k}`)}
                  value={address[k] ?? ''}
                  readOnly={ro}
                  required={['name', 'line1', 'city', 'country'].includes(k)}
                  onChange={(e) => setAddress({ [k]: e.currentTarget.value })}
                />
              ))}
            </SimpleGrid>
          )}
          <Title order={3} size="h5">
            {t('suppliers.overrides.title')}
          </Title>
          {rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('suppliers.overrides.none')}
            </Text>
          )}
          <OverridesTable rows={rows} onChange={setRows} readOnly={ro} />
          {conflict && (
            <Alert color="red" role="alert" title={t('suppliers.conflict.title')}>
              {t('suppliers.conflict.body', { version: openedAt })}
              <Button color="red" size="xs" mt="xs" display="block" onClick={onReload}>
                {t('suppliers.conflict.reload')}
              </Button>
            </Alert>
          )}
          {save.isError && !conflict && <ProblemAlert error={save.error} />}
          {save.isSuccess && (
            <Alert color="teal" role="status">
              {save.data.changed
                ? t('suppliers.saved', { version: save.data.version })
                : t('suppliers.unchanged', { version: save.data.version })}
            </Alert>
          )}
          {canEdit ? (
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('suppliers.saveTerms')}
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              {t('suppliers.ownerEdits')}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
