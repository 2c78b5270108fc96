// What the customer wrote (in the portal, by mail) and what the store sent them, in order. The
// team's internal notes stay in NotesCard beside it.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCaseMessages } from '../../api/returns.ts';
import { useFormat } from '../../i18n/format.ts';

export function ConversationCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = (useCaseMessages(caseId).data?.data ?? []).filter((m) => m.direction !== 'internal');
  if (messages.length === 0) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="conversation-title" data-testid="conversation">
      <Title order={2} size="h4" id="conversation-title" mb="sm">
        {t('cases.conversation')}
      </Title>
      <Stack gap="xs">
        {messages.map((m) => (
          <Paper
            key={m.id}
            p="xs"
            bg={m.direction === 'in' ? 'gray.1' : 'blue.0'}
            data-direction={m.direction}
          >
            <Text size="xs" fw={600}>
              {t(m.direction === 'in' ? 'cases.fromCustomer' : 'cases.toCustomer')} ·{' '}
              <time dateTime={m.at}>{format.dateTime(m.at)}</time>
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
