// Disposition by cost on the inspection form: the cheapest sensible route for the grade picked, in
// words, and every option with its net cost (negative: the route earns back more than it costs).
import { DISPOSITIONS, type Disposition } from '@domain/returns/inspection.ts';
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
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
      <Stack
        gap={6}
        component="ul"
        aria-label={t('disposition.optionsLabel')}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {choice.options.map((o) => (
          <Paper key={o.route} component="li" withBorder radius="sm" px="sm" py={6} data-route={o.route}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Text
                size="sm"
                fw={o.route === choice.recommended ? 600 : 400}
                style={{ flex: 1, minWidth: 0 }}
              >
                {routeLabel(o.route)}
              </Text>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} data-net-cost style={{ whiteSpace: 'nowrap' }}>
                  {format.money(o.net_cost, choice.currency)}
                </Text>
                {!isDisposition(o.route) ? null : o.route === chosen ? (
                  <Badge variant="light" style={{ overflow: 'visible' }}>
                    {t('disposition.chosen')}
                  </Badge>
                ) : (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => isDisposition(o.route) && onPick(o.route)}
                    aria-label={t('disposition.chooseRoute', { route: routeLabel(o.route) })}
                  >
                    {t('disposition.choose')}
                  </Button>
                )}
              </Group>
            </Group>
            {o.breakdown.map((l) => (
              <Group key={l.item} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 0 }}>
                  {l.item}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {format.money(l.amount, choice.currency)}
                </Text>
              </Group>
            ))}
            {o.notes.length > 0 && (
              <Text size="xs" c="dimmed" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                {o.notes.join('; ')}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
      {choice.excluded.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('disposition.notOffered')}{' '}
          {choice.excluded.map((e) => `${routeLabel(e.route)}: ${e.why}`).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
