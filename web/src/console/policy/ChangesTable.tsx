import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Change } from './draft.ts';
import { usePolicyLabels } from './labels.ts';

/** What differs between two policy documents, one setting per row, in the form's own words. */
export function ChangesTable({
  changes,
  currency,
  caption,
}: {
  changes: Change[];
  currency: string;
  caption: string;
}) {
  const { t } = useTranslation();
  const labels = usePolicyLabels(currency);
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('policy.versions.noChanges')}
      </Text>
    );
  const cell = (path: string, v: Change['before']) =>
    v === undefined ? (
      <Text span c="dimmed">
        –
      </Text>
    ) : (
      labels.value(path, v)
    );
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped verticalSpacing={6} fz="sm" data-testid="policy-changes">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('policy.versions.setting')}</Table.Th>
            <Table.Th>{t('policy.versions.before')}</Table.Th>
            <Table.Th>{t('policy.versions.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.path}>
              <Table.Td>{labels.label(c.path)}</Table.Td>
              <Table.Td
                c="red.9"
                style={{ textDecoration: c.before === undefined ? undefined : 'line-through' }}
              >
                {cell(c.path, c.before)}
              </Table.Td>
              <Table.Td c="teal.9" fw={600}>
                {cell(c.path, c.after)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
