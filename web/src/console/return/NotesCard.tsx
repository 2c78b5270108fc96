import { can } from '@domain/roles.ts';
import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseMessages } from '../../api/returns.ts';
import { useSession } from '../../api/session.ts';
import { api } from '../../api/transport.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { useActorName } from './actor-name.ts';

/** The team's notes, with the replies shown on the customer's portal page among them for context
 *  (mail to the customer is in ConversationCard). */
export function NotesCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const role = useSession().data?.user.role;
  const actorName = useActorName();
  const messages = useCaseMessages(caseId);
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: (text: string) =>
      api.post(`/api/v1/cases/${caseId}/messages`, { body: { direction: 'internal', body: text } }),
    onSuccess: () => {
      setBody('');
      void client.invalidateQueries({ queryKey: ['returns', caseId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) add.mutate(body.trim());
  };
  // mail to the customer is in the conversation beside; the portal's replies stay here for context
  const shown = (messages.data?.data ?? []).filter(
    (m) => m.direction === 'internal' || (m.direction === 'out' && m.channel !== 'email'),
  );

  return (
    <Paper p="md" component="section" aria-labelledby="notes-title">
      <Title order={2} size="h4" id="notes-title">
        {t('notes.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('notes.hint')}
      </Text>
      <Stack gap="xs" mb="sm">
        {messages.isSuccess && shown.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('notes.empty')}
          </Text>
        )}
        {shown.map((m) => (
          <Paper key={m.id} p="xs" bg={m.direction === 'internal' ? 'yellow.0' : 'blue.0'} withBorder={false}>
            {m.direction === 'out' && (
              <Text size="xs" fw={600} c="blue.9">
                {t('notes.reply')}
              </Text>
            )}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
            <Text size="xs" c="dimmed">
              <span title={m.author ?? undefined}>{actorName(m.author, m.author_view)}</span> ·{' '}
              {format.dateTime(m.at)}
            </Text>
          </Paper>
        ))}
      </Stack>
      {role && can(role, 'cases.note') && (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label={t('notes.label')}
              placeholder={t('notes.placeholder')}
              autosize
              minRows={2}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            {add.isError && <ProblemAlert error={add.error} />}
            <Button type="submit" variant="light" loading={add.isPending} disabled={!body.trim()}>
              {t('notes.add')}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
