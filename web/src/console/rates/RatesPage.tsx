// The store's exchange rates: what the policy's amounts, exchanges and analytics convert with.
// Finance and the owner keep them (by hand or from their bank's CSV); everyone may read them.
import { can } from '@domain/roles.ts';
import {
  Alert,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileImport, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteRate, useImportRates, useRates, useSaveRates } from '../../api/rates.ts';
import { useSession } from '../../api/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { CurrencyCheckAlert } from './CurrencyCheckAlert.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function AddRate({ base }: { base: string }) {
  const { t } = useTranslation();
  const save = useSaveRates();
  const [form, setForm] = useState({ day: today(), base, quote: '', rate: '' });
  const field = (k: keyof typeof form) => ({
    value: form[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.currentTarget.value }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate([{ ...form, base: form.base.toUpperCase(), quote: form.quote.toUpperCase() }], {
          onSuccess: () => setForm({ ...form, quote: '', rate: '' }),
        });
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('rates.day')} type="date" required {...field('day')} w={160} />
        <TextInput label={t('rates.base')} required maxLength={3} {...field('base')} w={90} />
        <TextInput
          label={t('rates.quote')}
          required
          maxLength={3}
          placeholder="RUB"
          {...field('quote')}
          w={90}
          data-testid="rate-quote"
        />
        <TextInput
          label={t('rates.rate')}
          required
          inputMode="decimal"
          placeholder="97.2031"
          {...field('rate')}
          w={140}
          data-testid="rate-value"
        />
        <Button type="submit" loading={save.isPending} data-testid="add-rate">
          {t('rates.add')}
        </Button>
      </Group>
      {save.isError && <ProblemAlert error={save.error} mt="sm" />}
    </form>
  );
}

function ImportRates() {
  const { t } = useTranslation();
  const imp = useImportRates();
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <FileButton accept=".csv,text/csv" onChange={async (file) => file && imp.mutate(await file.text())}>
          {(props) => (
            <Button
              {...props}
              variant="light"
              leftSection={<IconFileImport size={16} aria-hidden />}
              loading={imp.isPending}
            >
              {t('rates.import')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('rates.importHint')}
        </Text>
      </Group>
      {imp.data && (
        <Alert color={imp.data.refused.length ? 'yellow' : 'teal'} role="status" data-testid="rates-imported">
          {t('rates.imported', { count: imp.data.saved })}
          {imp.data.refused.length > 0 && (
            <List size="sm" mt={4}>
              {imp.data.refused.map((r) => (
                <List.Item key={r.line}>
                  {t('rates.refusedLine', { line: r.line, errors: r.errors.join('; ') })}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {imp.isError && <ProblemAlert error={imp.error} />}
    </Stack>
  );
}

export function RatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession().data;
  const rates = useRates();
  const remove = useDeleteRate();
  usePageTitle(t('rates.title'));
  const canWrite = session ? can(session.user.role, 'rates.write') : false;
  const base = session?.store.currency ?? 'EUR';
  return (
    <Stack maw={1000} mx="auto" gap="md">
      <div>
        <Title order={1} size="h2">
          {t('rates.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('rates.subtitle')}
        </Text>
      </div>
      <CurrencyCheckAlert />
      {canWrite && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            <AddRate base={base} />
            <ImportRates />
          </Stack>
        </Paper>
      )}
      {rates.isPending && <Skeleton h={200} />}
      {rates.isError && <ProblemAlert error={rates.error} />}
      {rates.data && rates.data.data.length === 0 && <Text c="dimmed">{t('rates.empty')}</Text>}
      {rates.data && rates.data.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={480}>
            <Table striped data-testid="rates-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rates.day')}</Table.Th>
                  <Table.Th>{t('rates.pair')}</Table.Th>
                  <Table.Th ta="end">{t('rates.rate')}</Table.Th>
                  {canWrite && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rates.data.data.map((r) => (
                  <Table.Tr key={`${r.base}${r.quote}${r.day}`} data-pair={`${r.base}-${r.quote}`}>
                    <Table.Td>{format.date(r.day)}</Table.Td>
                    <Table.Td>{t('rates.oneIs', { base: r.base, quote: r.quote })}</Table.Td>
                    <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {r.rate}
                    </Table.Td>
                    {canWrite && (
                      <Table.Td ta="end">
                        <Button
                          variant="subtle"
                          color="gray"
                          size="compact-sm"
                          onClick={() => remove.mutate(r)}
                          aria-label={t('rates.remove', { base: r.base, quote: r.quote, day: r.day })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
