// Store credit: look a code up (a customer quotes it, or the checkout says it was refused) and see
// its balance and every movement; issue a code by hand (goodwill); void one (owner and finance).
import { can } from '@domain/roles.ts';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { type CreditCode, useCreditCode, useIssueCredit, useVoidCredit } from '../../api/store-credit.ts';
import { useFormat } from '../../i18n/format.ts';
import { MoneyInput } from '../ui/MoneyInput.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';

const STATUS_COLOR = { active: 'teal', spent: 'gray', expired: 'yellow', void: 'red' } as const;

function CodeCard({ code, canVoid }: { code: CreditCode; canVoid: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const voidIt = useVoidCredit();
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder p="md" radius="md" data-testid="credit-code">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Code fz="lg">{code.code}</Code>
            <Badge color={STATUS_COLOR[code.status]} variant="light">
              {t(`storeCredit.status.${code.status}`)}
            </Badge>
          </Group>
          <Text fw={700} fz="xl">
            {format.money(code.balance, code.currency)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('storeCredit.holder', {
            name: code.customer.name ?? code.customer.email,
            email: code.customer.email,
          })}
          {code.expires_at ? ` · ${t('storeCredit.expires', { date: format.date(code.expires_at) })}` : ''}
        </Text>
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('storeCredit.when')}</Table.Th>
                <Table.Th>{t('storeCredit.what')}</Table.Th>
                <Table.Th ta="right">{t('storeCredit.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {code.ledger.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{format.dateTime(e.created_at)}</Table.Td>
                  <Table.Td>
                    {t(`storeCredit.entry.${e.entry_type}`)}
                    {e.reference ? ` · ${e.reference}` : e.note ? ` · ${e.note}` : ''}
                  </Table.Td>
                  <Table.Td ta="right">{format.money(e.amount, e.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {canVoid && code.status === 'active' && (
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('storeCredit.voidReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              w={280}
            />
            <Button
              color="red"
              variant="light"
              disabled={!reason.trim()}
              loading={voidIt.isPending}
              onClick={() => voidIt.mutate({ code: code.code, reason })}
            >
              {t('storeCredit.void')}
            </Button>
          </Group>
        )}
        {voidIt.isError && <ProblemAlert error={voidIt.error} />}
      </Stack>
    </Paper>
  );
}

export function StoreCreditPage() {
  const { t } = useTranslation();
  const session = useSession().data;
  usePageTitle(t('storeCredit.title'));
  const [query, setQuery] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const found = useCreditCode(code);
  const issue = useIssueCredit();
  const currency = session?.store.currency ?? 'EUR';
  const [form, setForm] = useState({ email: '', amount: null as number | null, note: '' });
  const role = session?.user.role;
  const canIssue = role ? can(role, 'credit.issue') : false;
  const canVoid = role ? can(role, 'credit.void') : false;
  return (
    <Stack maw={900} mx="auto" gap="md">
      <div>
        <Title order={1} size="h2">
          {t('storeCredit.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('storeCredit.subtitle')}
        </Text>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setCode(query.trim().toUpperCase() || null);
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('storeCredit.lookup')}
            placeholder="SC-XXXX-XXXX"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={240}
          />
          <Button type="submit" variant="light">
            {t('storeCredit.find')}
          </Button>
        </Group>
      </form>
      {found.isError && <ProblemAlert error={found.error} />}
      {found.data && <CodeCard code={found.data} canVoid={canVoid} />}
      {canIssue && (
        <Paper withBorder p="md" radius="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (form.amount === null) return;
              issue.mutate(
                { email: form.email, amount: form.amount, currency, note: form.note },
                {
                  onSuccess: (made) => {
                    setCode(made.code);
                    setQuery(made.code);
                    setForm({ email: '', amount: null, note: '' });
                  },
                },
              );
            }}
          >
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('storeCredit.issue')}
              </Title>
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={t('storeCredit.email')}
                  type="email"
                  required
                  value={form.email}
                  onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
                  w={260}
                />
                <MoneyInput
                  label={t('storeCredit.amount')}
                  currency={currency}
                  value={form.amount}
                  onChange={(amount) => setForm({ ...form, amount })}
                  required
                  maw={180}
                />
                <TextInput
                  label={t('storeCredit.note')}
                  value={form.note}
                  onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
                  w={260}
                />
                <Button
                  type="submit"
                  loading={issue.isPending}
                  disabled={form.amount === null || !form.email}
                >
                  {t('storeCredit.issueButton')}
                </Button>
              </Group>
              {issue.isError && <ProblemAlert error={issue.error} />}
              {issue.data && (
                <Alert color="teal" role="status">
                  {t('storeCredit.issued', { code: issue.data.code })}
                </Alert>
              )}
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
