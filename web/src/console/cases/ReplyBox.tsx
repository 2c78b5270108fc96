// An owner's or agent's answer to the customer, sent by email at once: written freely or started
// from the suggested reply (the customer's language, the order's own facts). The server adds the
// greeting and sign-off in that language.
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconSend, IconSparkles } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useReply, useSuggestedReply } from '../messages/api.ts';
import { IntentTag, LanguageTag } from '../messages/MessageTags.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

export function ReplyBox({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  const suggest = useSuggestedReply(caseId);
  const reply = useReply(caseId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    reply.mutate(body.trim(), {
      onSuccess: () => {
        setBody('');
        setSent(true);
        suggest.reset();
      },
    });
  };
  const fill = () =>
    suggest.mutate(undefined, {
      onSuccess: (s) => {
        setBody(s.body);
        setSent(false);
      },
    });
  return (
    <form onSubmit={submit} data-testid="reply-box">
      <Stack gap="xs" mt="md">
        <Textarea
          label={t('messages.reply.label')}
          description={t('messages.reply.hint')}
          autosize
          minRows={3}
          maxRows={14}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setSent(false);
          }}
          data-testid="reply-body"
        />
        {suggest.data && (
          <Group gap={6} data-testid="suggestion">
            <Text size="xs" c="dimmed">
              {t('messages.reply.suggestedIn', { language: format.language(suggest.data.language) })}
            </Text>
            <LanguageTag language={suggest.data.language} />
            <IntentTag intent={suggest.data.intent} />
          </Group>
        )}
        {suggest.isError && <ProblemAlert error={suggest.error} />}
        {reply.isError && <ProblemAlert error={reply.error} />}
        {sent && (
          <Text size="sm" c="teal.9" role="status">
            {t('messages.reply.sent')}
          </Text>
        )}
        <Group gap="xs" justify="flex-end" wrap="wrap">
          <Button
            variant="light"
            onClick={fill}
            loading={suggest.isPending}
            leftSection={<IconSparkles size={16} aria-hidden />}
          >
            {t('messages.reply.suggest')}
          </Button>
          <Button
            type="submit"
            loading={reply.isPending}
            disabled={!body.trim()}
            leftSection={<IconSend size={16} aria-hidden />}
          >
            {t('messages.reply.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
