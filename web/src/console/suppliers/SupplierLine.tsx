// On a return's or case's line: the supplier behind the unit and its position on it ("SUP-SZ-AUDIO:
// claimable until 16 Dec 2026 for a credit", or why not), and the claim that holds it. Nothing shows
// for a line the supplier positions do not cover (not yet inspected, or no supplier known).
import { Anchor, Group, Text } from '@mantine/core';
import { IconBuildingFactory2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useSupplierPositions } from './api.ts';
import { ClaimStatusBadge } from './ClaimStatusBadge.tsx';

export function SupplierLine({ caseId, lineId }: { caseId: string; lineId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  // one request per case, shared by its lines
  const q = useSupplierPositions(caseId);
  const u = q.data?.data.find((x) => x.line_id === lineId);
  if (!u) return null;
  const p = u.position;
  return (
    <Group gap={6} wrap="wrap" data-testid="supplier-line" data-line={lineId}>
      <IconBuildingFactory2 size={14} aria-hidden />
      <Text size="xs">
        {u.supplier ? (
          <Anchor
            component={Link}
            to={`/console/suppliers/${encodeURIComponent(u.supplier.code)}`}
            size="xs"
            fw={600}
          >
            {t('suppliers.line.supplier', { code: u.supplier.code })}
          </Anchor>
        ) : (
          t('suppliers.line.noSupplier')
        )}
        {p && ': '}
        {p && (
          <Text span size="xs" c={p.claimable ? undefined : 'red.8'}>
            {p.claimable && p.until
              ? t(p.remedy ? 'suppliers.line.claimableFor' : 'suppliers.line.claimable', {
                  date: format.date(`${p.until}T12:00:00Z`),
                  remedy: p.remedy ? t(`suppliers.remedy.${p.remedy}`) : '',
                })
              : p.why.message}
          </Text>
        )}
      </Text>
      {u.claim && (
        <Group gap={4} wrap="nowrap">
          <Anchor component={Link} to={`/console/supplier-claims/${u.claim.id}`} size="xs">
            {t('suppliers.line.onClaim', { number: u.claim.number })}
          </Anchor>
          <ClaimStatusBadge status={u.claim.status} size="xs" />
        </Group>
      )}
    </Group>
  );
}
