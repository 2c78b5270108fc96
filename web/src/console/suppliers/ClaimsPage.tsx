// Every claim against suppliers, newest first, filtered by status and supplier (kept in the address).
import { CLAIM_STATUSES } from '@domain/suppliers/claims.ts';
import { Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { useClaims, useSuppliers } from './api.ts';
import { ClaimsTable } from './ClaimsTable.tsx';

export function ClaimsPage() {
  const { t } = useTranslation();
  usePageTitle(t('suppliers.claims.title'));
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const supplier = params.get('supplier');
  const claims = useClaims({ status, supplier });
  const suppliers = useSuppliers().data?.data ?? [];
  const update = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (value) n.set(key, value);
        else n.delete(key);
        return n;
      },
      { replace: true },
    );
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <div>
        <Title order={1} size="h2">
          {t('suppliers.claims.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('suppliers.claims.subtitle')}
        </Text>
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('suppliers.claims.status')}
          placeholder={t('suppliers.claims.any')}
          clearable
          value={status}
          onChange={(v) => update('status', v)}
          data={CLAIM_STATUSES.map((s) => ({ value: s, label: t(`suppliers.claimStatus.${s}`) }))}
          w={200}
        />
        <Select
          label={t('suppliers.claims.supplier')}
          placeholder={t('suppliers.claims.any')}
          clearable
          searchable
          value={supplier}
          onChange={(v) => update('supplier', v)}
          data={suppliers.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }))}
          w={280}
        />
      </Group>
      <Paper p="md">
        {claims.isError && <ProblemAlert error={claims.error} />}
        {claims.isPending && <Skeleton h={160} />}
        {claims.data && <ClaimsTable claims={claims.data.data} />}
      </Paper>
    </Stack>
  );
}
