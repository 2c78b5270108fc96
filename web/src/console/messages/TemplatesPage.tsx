// The messages the store sends, in each customer language: pick one, edit its subject and body
// with its variables to hand, see it as the customer would (a live preview with sample values) and
// what the check finds, save it or go back to the shipped text. When news may go out sits below.
import { can } from '@domain/roles.ts';
import {
  Badge,
  Grid,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { MAIL_LANGUAGES, type TemplateSummary, useTemplate, useTemplates } from './api.ts';
import { NotificationSettingsCard } from './NotificationSettingsCard.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';

export function TemplatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const role = useSession().data?.user.role;
  const editable = role !== undefined && can(role, 'messages.settings');
  const [params, setParams] = useSearchParams();
  const templates = useTemplates();
  const list = templates.data?.data ?? [];
  const languages = templates.data?.languages ?? [...MAIL_LANGUAGES];
  const key = params.get('key') ?? list[0]?.key ?? null;
  const language = params.get('language') ?? 'en';
  const view = useTemplate(key, language);
  const chosen = list.find((x) => x.key === key);
  usePageTitle(t('messages.templates.title'));

  const choose = (changes: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) next.set(k, v);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack maw={1400} mx="auto" gap="md" data-testid="templates-page">
      <BackLink />
      <div>
        <Title order={1} size="h2">
          {t('messages.templates.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t(editable ? 'messages.templates.description' : 'messages.templates.readOnly')}
        </Text>
      </div>
      {templates.isError && <ProblemAlert error={templates.error} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper p="xs" component="nav" aria-label={t('messages.templates.list')}>
            {templates.isPending && <Skeleton h={300} />}
            <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {list.map((tpl) => (
                <li key={tpl.key}>
                  <TemplateItem
                    tpl={tpl}
                    active={tpl.key === key}
                    onChoose={() => choose({ key: tpl.key })}
                  />
                </li>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md">
            {chosen && (
              <Paper p="md">
                <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
                  <div style={{ minWidth: 0 }}>
                    <Title order={2} size="h3" data-testid="template-title">
                      {t(`messages.templateTitle.${chosen.key}`, { defaultValue: chosen.key })}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {chosen.about}
                    </Text>
                    <Group gap={6} mt={4}>
                      <TimingBadge timing={chosen.timing} />
                      <Text size="xs" c="dimmed" className="rma">
                        {chosen.key}
                      </Text>
                    </Group>
                  </div>
                  <Select
                    w={220}
                    label={t('messages.templates.language')}
                    value={language}
                    onChange={(v) => v && choose({ language: v })}
                    data={languages.map((l) => ({
                      value: l,
                      label: `${format.language(l)} (${l})${chosen.edited_languages.includes(l) ? ` · ${t('messages.templates.editedShort')}` : ''}`,
                    }))}
                    allowDeselect={false}
                    data-testid="template-language"
                  />
                </Group>
              </Paper>
            )}
            {view.isError && <ProblemAlert error={view.error} />}
            {key && view.isPending && <Skeleton h={400} />}
            {view.data && (
              <TemplateEditor
                key={`${view.data.key}/${view.data.language}`}
                view={view.data}
                editable={editable}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <NotificationSettingsCard editable={editable} />
    </Stack>
  );
}

export function TimingBadge({ timing }: { timing: 'direct' | 'proactive' }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={timing === 'direct' ? 'blue' : 'grape'} data-timing={timing}>
      {t(`messages.timing.${timing}`)}
    </Badge>
  );
}

function TemplateItem({
  tpl,
  active,
  onChoose,
}: {
  tpl: TemplateSummary;
  active: boolean;
  onChoose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={onChoose}
      aria-current={active ? 'true' : undefined}
      data-template={tpl.key}
      p="xs"
      w="100%"
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: active ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Text size="sm" fw={active ? 700 : 500}>
        {t(`messages.templateTitle.${tpl.key}`, { defaultValue: tpl.key })}
      </Text>
      <Group gap={4} mt={2}>
        <TimingBadge timing={tpl.timing} />
        {tpl.edited_languages.length > 0 && (
          <VisuallyHidden>{t('messages.templates.editedIn')}</VisuallyHidden>
        )}
        {tpl.edited_languages.map((l) => (
          <Badge key={l} size="xs" variant="filled" color="dark.6" tt="none" data-edited={l}>
            {l}
          </Badge>
        ))}
      </Group>
    </UnstyledButton>
  );
}
