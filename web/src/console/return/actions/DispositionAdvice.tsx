// Disposition by cost on the inspection form: the cheapest sensible route for the grade picked, in
// words, and every option with its net cost (negative: the route earns back more than it costs).
import { DISPOSITIONS, type Disposition } from '@domain/returns/inspection.ts';
import { Alert, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DispositionChoice, Route } from '../../../api/disposition.ts';
import { useFormat } from '../../../i18n/format.ts';

export const isDisposition = (r: Route): r is Disposition => (DISPOSITIONS as readonly string[]).includes(r);

interface Props {
  choice: DispositionChoice;
  chosen: Disposition;
  onPick: (d: Disposition) => void;
}

export function DispositionAdvice({ choice, chosen, onPick }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const routeLabel = (r: Route) => t(`actions.dispositions.${r}`);
  return (
    <Stack gap="xs" data-testid="disposition-advice">
      <Alert
        variant="light"
        color="teal"
        icon={<IconScale size={18} aria-hidden />}
        title={t('disposition.recommended', { route: routeLabel(choice.recommended) })}
      >
        <Text size="sm" data-testid="disposition-explanation">
          {choice.explanation}
        </Text>
      </Alert>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={4} fz="sm" aria-label={t('disposition.optionsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('disposition.route')}</Table.Th>
              <Table.Th ta="right">{t('disposition.netCost')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {choice.options.map((o) => (
              <Table.Tr key={o.route} data-route={o.route}>
                <Table.Td>
                  <Text size="sm" fw={o.route === choice.recommended ? 600 : 400}>
                    {routeLabel(o.route)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {o.breakdown
                      .map((l) => `${l.item}: ${format.money(l.amount, choice.currency)}`)
                      .join(' · ')}
                    {o.notes.length > 0 && ` (${o.notes.join('; ')})`}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {format.money(o.net_cost, choice.currency)}
                </Table.Td>
                <Table.Td ta="right">
                  {!isDisposition(o.route) ? null : o.route === chosen ? (
                    <Badge variant="light">{t('disposition.chosen')}</Badge>
                  ) : (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => isDisposition(o.route) && onPick(o.route)}
                    >
                      {t('disposition.choose')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {choice.excluded.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('disposition.notOffered')}{' '}
          {choice.excluded.map((e) => `${routeLabel(e.route)}: ${e.why}`).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
