// What happened to the claim, oldest first, in the console's words (an unknown event by its type).
import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { actorLabel, type Claim } from './api.ts';

function detail(e: Claim['events'][number], money: (n: number) => string): string {
  const d = e.data ?? {};
  const parts: string[] = [];
  for (const k of ['claimed_amount', 'accepted_amount', 'amount'] as const)
    if (typeof d[k] === 'number') parts.push(money(d[k] as number));
  for (const k of ['supplier_reference', 'reference', 'reason', 'note'] as const)
    if (typeof d[k] === 'string' && d[k]) parts.push(d[k] as string);
  return parts.join(' · ');
}

export function ClaimTimeline({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper p="md" component="section" aria-labelledby="claim-timeline-title">
      <Title order={2} size="h4" id="claim-timeline-title" mb="sm">
        {t('suppliers.timeline')}
      </Title>
      <Timeline active={claim.events.length - 1} bulletSize={14} lineWidth={2}>
        {claim.events.map((e, i) => (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: events are append-only, their place is their identity
            key={i}
            title={t(`suppliers.event.${e.type}`, { defaultValue: e.type })}
          >
            <Text size="xs" c="dimmed">
              {format.dateTime(e.at)} · {actorLabel(e.actor)}
            </Text>
            {detail(e, (n) => format.money(n, claim.currency)) && (
              <Text size="sm">{detail(e, (n) => format.money(n, claim.currency))}</Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
