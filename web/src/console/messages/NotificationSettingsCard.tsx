// When news may reach a customer (their daytime, in their own time zone, and quiet days such as
// public holidays), where their replies go, and when the satisfaction survey follows a case.
// Direct answers (a return approved, a reply) go at once whatever the hour.
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { type NotificationSettings, useNotificationSettings, useSaveNotificationSettings } from './api.ts';

export function NotificationSettingsCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  return (
    <Paper
      p="md"
      component="section"
      aria-labelledby="notification-settings-title"
      data-testid="notification-settings"
    >
      <Title order={2} size="h4" id="notification-settings-title">
        {t('messages.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('messages.settings.hint')}
      </Text>
      {settings.isPending && <Skeleton h={160} />}
      {settings.isError && <ProblemAlert error={settings.error} />}
      {settings.data && <SettingsForm initial={settings.data} editable={editable} />}
    </Paper>
  );
}

function SettingsForm({ initial, editable }: { initial: NotificationSettings; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveNotificationSettings();
  const [from, setFrom] = useState(initial.daytime.from);
  const [to, setTo] = useState(initial.daytime.to);
  const [quiet, setQuiet] = useState<string[]>(initial.daytime.quiet_days);
  const [day, setDay] = useState('');
  const [replyTo, setReplyTo] = useState(initial.reply_to ?? '');
  const [survey, setSurvey] = useState(initial.survey_after_days !== null);
  const [surveyDays, setSurveyDays] = useState<number>(initial.survey_after_days ?? 3);
  const [saved, setSaved] = useState(false);

  const addDay = () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(day) && !quiet.includes(day)) setQuiet([...quiet, day].sort());
    setDay('');
    setSaved(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        daytime: { from, to, quiet_days: quiet },
        reply_to: replyTo.trim() || null,
        survey_after_days: survey ? surveyDays : null,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  const touched =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setSaved(false);
    };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="time"
            label={t('messages.settings.from')}
            value={from}
            onChange={(e) => touched(setFrom)(e.currentTarget.value)}
            readOnly={!editable}
            required
          />
          <TextInput
            type="time"
            label={t('messages.settings.to')}
            value={to}
            onChange={(e) => touched(setTo)(e.currentTarget.value)}
            readOnly={!editable}
            required
            error={from && to && from >= to ? t('messages.settings.fromBeforeTo') : undefined}
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} id="quiet-days-label">
            {t('messages.settings.quietDays')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('messages.settings.quietDaysHint')}
          </Text>
          <Group gap={6} mt={4} role="list" aria-labelledby="quiet-days-label" data-testid="quiet-days">
            {quiet.length === 0 && (
              <Text size="sm" c="dimmed" role="listitem">
                {t('messages.settings.noQuietDays')}
              </Text>
            )}
            {quiet.map((d) => (
              <Badge
                key={d}
                role="listitem"
                variant="light"
                tt="none"
                rightSection={
                  editable && (
                    <ActionIcon
                      size="xs"
                      variant="transparent"
                      onClick={() => touched(setQuiet)(quiet.filter((x) => x !== d))}
                      aria-label={t('messages.settings.removeDay', { date: format.date(`${d}T12:00:00Z`) })}
                    >
                      <IconX size={12} aria-hidden />
                    </ActionIcon>
                  )
                }
              >
                {format.date(`${d}T12:00:00Z`)}
              </Badge>
            ))}
          </Group>
          {editable && (
            <Group gap="xs" mt="xs" align="flex-end" wrap="nowrap">
              <TextInput
                type="date"
                label={t('messages.settings.addDay')}
                value={day}
                onChange={(e) => setDay(e.currentTarget.value)}
                style={{ flex: '0 1 200px' }}
              />
              <Button
                variant="light"
                onClick={addDay}
                disabled={!day}
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                {t('messages.settings.add')}
              </Button>
            </Group>
          )}
        </div>
        <TextInput
          type="email"
          label={t('messages.settings.replyTo')}
          description={t('messages.settings.replyToHint')}
          value={replyTo}
          onChange={(e) => touched(setReplyTo)(e.currentTarget.value)}
          readOnly={!editable}
        />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Switch
            label={t('messages.settings.survey')}
            checked={survey}
            onChange={(e) => touched(setSurvey)(e.currentTarget.checked)}
            disabled={!editable}
            mb={8}
          />
          {survey && (
            <NumberInput
              w={200}
              label={t('messages.settings.surveyDays')}
              min={0}
              max={60}
              value={surveyDays}
              onChange={(v) => touched(setSurveyDays)(typeof v === 'number' ? v : Number(v) || 0)}
              readOnly={!editable}
            />
          )}
        </Group>
        {save.isError && <ProblemAlert error={save.error} />}
        {saved && (
          <Text size="sm" c="teal.9" role="status">
            {t('messages.settings.saved')}
          </Text>
        )}
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={from >= to}>
              {t('messages.settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
