// The conversation with the supplier about a claim: the mail the claim sent and the supplier's
// replies, and what was said elsewhere (phone, chat), recorded here by hand as in or out.
import { can } from '@domain/roles.ts';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { actorLabel, type Claim, useClaimAction } from './api.ts';

export function ClaimConversation({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const format = useFormat();
  const role = useSession().data?.user.role;
  const action = useClaimAction(claim.id);
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [body, setBody] = useState('');
  const [byEmail, setByEmail] = useState(false);
  // a message out can go to the supplier by mail, in the claim's thread; one in arrives by itself
  const email = direction === 'out' && byEmail && Boolean(claim.supplier.email);
  const messages = claim.messages ?? [];
  return (
    <Paper
      p="md"
      component="section"
      aria-labelledby="claim-conversation-title"
      data-testid="claim-conversation"
    >
      <Title order={2} size="h4" id="claim-conversation-title" mb="sm">
        {t('suppliers.conversation.title')}
      </Title>
      <Stack gap="sm">
        {messages.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('suppliers.conversation.none')}
          </Text>
        )}
        {messages.map((m) => (
          <Paper
            key={m.id}
            p="xs"
            withBorder
            bg={m.direction === 'in' ? 'blue.0' : undefined}
            data-direction={m.direction}
          >
            <Group gap={6} justify="space-between" wrap="wrap">
              <Badge size="xs" variant="light" color={m.direction === 'in' ? 'blue' : 'gray'}>
                {t(`suppliers.conversation.${m.direction === 'in' ? 'in' : 'out'}`)} ·{' '}
                {t(`suppliers.conversation.channel.${m.channel}`, { defaultValue: m.channel })}
              </Badge>
              <Text size="xs" c="dimmed">
                {format.dateTime(m.at)}
                {m.author ? ` · ${actorLabel(m.author)}` : ''}
              </Text>
            </Group>
            {m.subject && (
              <Text size="sm" fw={600} mt={4}>
                {m.subject}
              </Text>
            )}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={8}>
              {m.body}
            </Text>
          </Paper>
        ))}
        {role && can(role, 'claims.write') && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              action.mutate(
                { path: 'messages', body: { direction, body, email } },
                { onSuccess: () => setBody('') },
              );
            }}
          >
            <Stack gap="xs">
              <SegmentedControl
                aria-label={t('suppliers.conversation.direction')}
                value={direction}
                onChange={(v) => setDirection(v as 'in' | 'out')}
                data={[
                  { value: 'in', label: t('suppliers.conversation.recordIn') },
                  { value: 'out', label: t('suppliers.conversation.recordOut') },
                ]}
                size="xs"
                style={{ alignSelf: 'flex-start' }}
              />
              <Textarea
                label={t('suppliers.conversation.body')}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                autosize
                minRows={2}
              />
              {direction === 'out' && claim.supplier.email && (
                <Checkbox
                  label={t('suppliers.conversation.byEmail', { email: claim.supplier.email })}
                  checked={byEmail}
                  onChange={(e) => setByEmail(e.currentTarget.checked)}
                />
              )}
              <Button
                type="submit"
                variant="light"
                size="xs"
                disabled={!body.trim()}
                loading={action.isPending}
                style={{ alignSelf: 'flex-start' }}
              >
                {email ? t('suppliers.conversation.send') : t('suppliers.conversation.record')}
              </Button>
              {action.isError && <ProblemAlert error={action.error} />}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
