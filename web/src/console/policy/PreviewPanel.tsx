import { REASON_CODES } from '@domain/reasons.ts';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEye, IconRefreshAlert } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PreviewRequest, previewPolicy } from '../../api/policy.ts';
import { ApiError } from '../../api/transport.ts';
import type { Eligibility, PolicyDocument } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import type { JsonObject } from './draft.ts';
import { PreviewResult } from './PreviewResult.tsx';

// The languages customers are answered in; the preview shows the explanations as they would read them.
const CUSTOMER_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'zh-Hans', 'zh-Hant', 'ru'];

interface Props {
  draft: JsonObject;
  saved: PolicyDocument;
  invalid: boolean;
  readOnly: boolean;
  /** a 400 names fields of the draft: the page shows them next to those fields */
  onRefused: (error: ApiError) => void;
}

interface Outcome {
  draft: Eligibility;
  saved: Eligibility;
  /** the draft as it was previewed, to tell when the result no longer matches the form */
  snapshot: string;
}

/** "What would happen": the draft and the saved policy decided side by side for a real order. */
export function PreviewPanel({ draft, saved, invalid, readOnly, onRefused }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [order, setOrder] = useState('');
  const [reason, setReason] = useState('changed_mind');
  const [language, setLanguage] = useState(i18n.language);
  const [day, setDay] = useState('');
  const run = useMutation({
    mutationFn: async (snapshot: string): Promise<Outcome> => {
      const base: Omit<PreviewRequest, 'policy'> = {
        order_number: order.trim(),
        reason,
        ...(language ? { language } : {}),
        ...(day ? { at: new Date(`${day}T12:00:00`).toISOString() } : {}),
      };
      const [d, s] = await Promise.all([
        previewPolicy({ ...base, policy: draft as unknown as PolicyDocument }),
        previewPolicy({ ...base, policy: saved }),
      ]);
      return { draft: d, saved: s, snapshot };
    },
    onError: (err) => {
      if (err instanceof ApiError && err.problem.status === 400) onRefused(err);
    },
  });
  const current = JSON.stringify(draft);
  const stale = run.data !== undefined && run.data.snapshot !== current;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (order.trim()) run.mutate(current);
  };

  return (
    <Paper p="md" component="section" aria-labelledby="preview-title" data-testid="policy-preview">
      <Title order={2} size="h4" id="preview-title">
        {t('policy.preview.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(readOnly ? 'policy.preview.hintReadOnly' : 'policy.preview.hint')}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Group grow align="flex-start" gap="xs">
            <TextInput
              label={t('policy.preview.order')}
              placeholder="1002"
              value={order}
              onChange={(e) => setOrder(e.currentTarget.value)}
              required
            />
            <TextInput
              type="date"
              label={t('policy.preview.at')}
              value={day}
              onChange={(e) => setDay(e.currentTarget.value)}
            />
          </Group>
          <Group grow align="flex-start" gap="xs">
            <NativeSelect
              label={t('policy.preview.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data={REASON_CODES.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
            />
            <NativeSelect
              label={t('policy.preview.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              data={[
                { value: '', label: t('policy.preview.customerLanguage') },
                ...CUSTOMER_LANGUAGES.map((l) => ({ value: l, label: format.language(l) })),
              ]}
            />
          </Group>
          {invalid && (
            <Text size="sm" c="red.8">
              {t('policy.preview.invalid')}
            </Text>
          )}
          <Button
            type="submit"
            leftSection={<IconEye size={18} aria-hidden />}
            loading={run.isPending}
            disabled={invalid || !order.trim()}
          >
            {t('policy.preview.run')}
          </Button>
        </Stack>
      </form>
      <div aria-live="polite">
        {run.isError && <ProblemAlert error={run.error} mt="sm" />}
        {stale && (
          <Alert color="yellow" mt="sm" icon={<IconRefreshAlert aria-hidden />} p="xs">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('policy.preview.stale')}</Text>
              <Button
                size="compact-sm"
                variant="white"
                onClick={() => run.mutate(current)}
                disabled={invalid}
              >
                {t('policy.preview.rerun')}
              </Button>
            </Group>
          </Alert>
        )}
        {run.data && <PreviewResult draft={run.data.draft} saved={run.data.saved} />}
      </div>
    </Paper>
  );
}
