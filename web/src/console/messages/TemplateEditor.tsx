// One template in one language: subject and body with the message's variables as chips that insert
// {{name}} where the cursor is, the check's problems under the field they concern, a live preview
// (the email as the customer would receive it, sandboxed, and its plain text), Save and Back to
// the shipped text. Read-only roles see the text and the preview only.
import { Alert, Badge, Button, Collapse, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp, IconDeviceFloppy } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import {
  type TemplateProblem,
  type TemplateText,
  type TemplateView,
  useTemplatePreview,
  useTemplateSave,
} from './api.ts';

type Field = 'subject' | 'body';

export function TemplateEditor({ view, editable }: { view: TemplateView; editable: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TemplateText>({ subject: view.subject, body: view.body });
  const [saved, setSaved] = useState(false);
  const [debounced] = useDebouncedValue(draft, 350);
  const preview = useTemplatePreview(view.key, view.language, debounced);
  const { save, reset } = useTemplateSave(view.key, view.language);
  const [plainOpen, plain] = useDisclosure(false);
  const lastField = useRef<Field>('body');
  const refs = { subject: useRef<HTMLTextAreaElement>(null), body: useRef<HTMLTextAreaElement>(null) };

  const changed = draft.subject !== view.subject || draft.body !== view.body;
  // what the server's check found in the text as typed (the preview answers with it)
  const problems: TemplateProblem[] = preview.data?.problems ?? [];
  const errorOf = (field: Field) => {
    const list = problems.filter((p) => p.field === field).map((p) => p.message);
    return list.length ? list.join(' · ') : undefined;
  };

  const update = (field: Field, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setSaved(false);
  };

  const insert = (name: string) => {
    const field = lastField.current;
    const el = refs[field].current;
    const token = `{{${name}}}`;
    const value = draft[field];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    update(field, value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const onSave = () =>
    save.mutate(draft, {
      onSuccess: () => setSaved(true),
    });
  const onReset = () =>
    reset.mutate(undefined, {
      onSuccess: (v) => {
        setDraft({ subject: v.subject, body: v.body });
        setSaved(false);
      },
    });

  return (
    <Stack gap="md">
      <Paper p="md" component="section" aria-labelledby="template-text-title" data-testid="template-editor">
        <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id="template-text-title">
            {t('messages.templates.text')}
          </Title>
          <Badge
            variant={view.edited ? 'filled' : 'light'}
            color={view.edited ? 'violet.8' : 'gray'}
            data-testid="template-state"
            data-edited={view.edited}
          >
            {t(view.edited ? 'messages.templates.edited' : 'messages.templates.shipped')}
          </Badge>
        </Group>
        {view.shipped.language !== view.language && !view.edited && (
          <Text size="xs" c="dimmed" mb="xs">
            {t('messages.templates.fallback', { language: view.shipped.language })}
          </Text>
        )}
        <Stack gap="sm">
          <Textarea
            ref={refs.subject}
            label={t('messages.templates.subject')}
            value={draft.subject}
            onChange={(e) => update('subject', e.currentTarget.value)}
            onFocus={() => {
              lastField.current = 'subject';
            }}
            readOnly={!editable}
            autosize
            minRows={1}
            error={errorOf('subject')}
            data-testid="template-subject"
          />
          <Textarea
            ref={refs.body}
            label={t('messages.templates.body')}
            value={draft.body}
            onChange={(e) => update('body', e.currentTarget.value)}
            onFocus={() => {
              lastField.current = 'body';
            }}
            readOnly={!editable}
            autosize
            minRows={6}
            maxRows={20}
            error={errorOf('body')}
            data-testid="template-body"
          />
          <div>
            <Text size="sm" fw={500} id="variables-label">
              {t('messages.templates.variables')}
            </Text>
            {editable && (
              <Text size="xs" c="dimmed">
                {t('messages.templates.variablesHint')}
              </Text>
            )}
            <Group gap={6} mt={4} role="group" aria-labelledby="variables-label">
              {view.variables.map((v) =>
                editable ? (
                  <Button
                    key={v}
                    size="compact-xs"
                    variant="light"
                    radius="xl"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => insert(v)}
                    data-variable={v}
                  >
                    {`{{${v}}}`}
                  </Button>
                ) : (
                  <Badge key={v} variant="light" tt="none">{`{{${v}}}`}</Badge>
                ),
              )}
            </Group>
          </div>
          {problems.length > 0 && (
            <Alert color="orange" title={t('messages.templates.problems')} data-testid="template-problems">
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p) => (
                  <li key={`${p.field}:${p.code}:${p.message}`} data-code={p.code}>
                    {p.message}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {save.isError && <ProblemAlert error={save.error} />}
          {reset.isError && <ProblemAlert error={reset.error} />}
          {saved && !changed && (
            <Text size="sm" c="teal.9" role="status">
              {t('messages.templates.saved')}
            </Text>
          )}
          {editable && (
            <Group gap="xs" justify="flex-end" wrap="wrap">
              <Button
                variant="default"
                onClick={onReset}
                loading={reset.isPending}
                disabled={!view.edited}
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
              >
                {t('messages.templates.reset')}
              </Button>
              <Button
                onClick={onSave}
                loading={save.isPending}
                disabled={!changed || problems.length > 0}
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              >
                {t('messages.templates.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      <Paper p="md" component="section" aria-labelledby="template-preview-title">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h4" id="template-preview-title">
            {t('messages.templates.preview')}
          </Title>
          {preview.isFetching && (
            <Text size="xs" c="dimmed">
              {t('messages.templates.updating')}
            </Text>
          )}
        </Group>
        {preview.isError && <ProblemAlert error={preview.error} />}
        {preview.data && (
          <>
            <Text size="sm" mb="xs" style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={600}>
                {t('messages.templates.subject')}:
              </Text>{' '}
              <span data-testid="preview-subject">{preview.data.subject}</span>
            </Text>
            <iframe
              title={t('messages.templates.previewFrame')}
              sandbox=""
              srcDoc={preview.data.html}
              data-testid="preview-frame"
              style={{
                width: '100%',
                height: 560,
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 'var(--mantine-radius-sm)',
                background: 'white',
              }}
            />
            <Button
              variant="subtle"
              size="compact-sm"
              mt="xs"
              onClick={plain.toggle}
              aria-expanded={plainOpen}
            >
              {t(plainOpen ? 'messages.templates.hideText' : 'messages.templates.showText')}
            </Button>
            <Collapse expanded={plainOpen}>
              <Text
                component="pre"
                size="sm"
                p="xs"
                bg="gray.0"
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }}
                data-testid="preview-text"
              >
                {preview.data.text}
              </Text>
            </Collapse>
          </>
        )}
      </Paper>
    </Stack>
  );
}
