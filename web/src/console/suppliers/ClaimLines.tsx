// A claim's lines: the unit and its case, the evidence the supplier will see (photos as thumbnails,
// the inspection grade and checklist), the supplier's position and why, and the amounts.
import { Anchor, Group, Image, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import type { Claim, ClaimLine } from './api.ts';
import { ScrollTable } from './ScrollTable.tsx';

function Evidence({ line }: { line: ClaimLine }) {
  const { t } = useTranslation();
  const files = line.evidence?.files ?? [];
  const checklist = Object.entries(line.evidence?.checklist ?? {});
  return (
    <>
      {files.length > 0 && line.case_id && (
        <Group gap={6} mt={4}>
          {files.map((f) => {
            const url = `/api/v1/cases/${line.case_id}/evidence/${f.id}`;
            return (
              <Anchor
                key={f.id}
                href={url}
                target="_blank"
                rel="noreferrer"
                aria-label={t('evidence.open', { name: f.name })}
              >
                {f.content_type.startsWith('image/') ? (
                  <Image src={url} alt={f.name} w={64} h={64} fit="cover" radius="sm" loading="lazy" />
                ) : (
                  <Text size="xs">{f.name}</Text>
                )}
              </Anchor>
            );
          })}
        </Group>
      )}
      {(line.evidence?.grade || checklist.length > 0) && (
        <Text size="xs" c="dimmed" mt={2}>
          {line.evidence?.grade ? t('suppliers.grade', { grade: line.evidence.grade }) : ''}
          {checklist.length > 0 &&
            `${line.evidence?.grade ? ' · ' : ''}${checklist
              .map(
                ([k, ok]) =>
                  `${t(`checklist.${k}`, { defaultValue: k.replace(/_/g, ' ') })}: ${ok ? '✓' : '✗'}`,
              )
              .join(', ')}`}
        </Text>
      )}
    </>
  );
}

export function ClaimLines({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (n: number | null) => (n === null ? '—' : format.money(n, claim.currency));
  return (
    <Paper p="md" component="section" aria-labelledby="claim-lines-title">
      <Title order={2} size="h4" id="claim-lines-title" mb="sm">
        {t('suppliers.claim.lines')}
      </Title>
      <ScrollTable minWidth={640} label={t('suppliers.claim.lines')}>
        <Table verticalSpacing="sm" data-testid="claim-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('suppliers.claimable.unit')}</Table.Th>
              <Table.Th>{t('suppliers.claimable.position')}</Table.Th>
              <Table.Th ta="right">{t('suppliers.amounts.claimed')}</Table.Th>
              <Table.Th ta="right">{t('suppliers.amounts.accepted')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claim.lines.map((l) => (
              <Table.Tr key={l.id} data-line={l.id} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {l.quantity} × {l.description}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[l.sku, t(`reasons.${l.reason}`, { defaultValue: l.reason })]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {l.case_id && l.case_number && (
                    <Text size="xs">
                      <Anchor
                        component={Link}
                        to={
                          l.source === 'return_line'
                            ? `/console/returns/${l.case_id}`
                            : `/console/cases/${l.case_id}`
                        }
                        size="xs"
                      >
                        {l.case_number}
                      </Anchor>
                      {l.order_number ? ` · ${t('return.order', { number: l.order_number })}` : ''}
                    </Text>
                  )}
                  <Evidence line={l} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{l.position?.why?.message ?? t('suppliers.claim.manualLine')}</Text>
                  {l.position?.terms_version !== undefined && (
                    <Text size="xs" c="dimmed">
                      {t('suppliers.version', { version: l.position.terms_version })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {money(l.amount)}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {money(l.accepted_amount)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
