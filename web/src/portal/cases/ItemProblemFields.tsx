// What is wrong with an item that arrived: which one, in a word, a few lines, and photos (the
// store needs them before it can pay or send anything).
import { Button, FileButton, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ItemProblemReason, OrderLine } from '../api/types.ts';
import { ACCEPT, checkFile } from '../request/PhotosStep.tsx';

export const PROBLEM_REASONS: readonly ItemProblemReason[] = [
  'damaged_in_transit',
  'wrong_item',
  'missing_parts',
  'defective',
  'not_as_described',
];

export interface ProblemDraft {
  lineId: string;
  reason: ItemProblemReason | null;
  note: string;
  files: File[];
}

export function ItemProblemFields({
  lines,
  value,
  onChange,
  touched,
}: {
  lines: OrderLine[];
  value: ProblemDraft;
  onChange: (d: ProblemDraft) => void;
  touched: boolean;
}) {
  const { t } = useTranslation('portal');
  const pick = (files: File[]) =>
    onChange({ ...value, files: [...value.files, ...files.filter((f) => !checkFile(f))].slice(0, 6) });
  return (
    <Paper p="md">
      <Stack gap="md">
        {lines.length > 1 && (
          <NativeSelect
            label={t('cases.new.item_problem.item')}
            value={value.lineId}
            onChange={(e) => onChange({ ...value, lineId: e.currentTarget.value })}
            data={lines.map((l) => ({
              value: l.id,
              label: l.variant ? `${l.title} (${l.variant})` : l.title,
            }))}
          />
        )}
        {lines.length === 1 && <Text fw={600}>{lines[0]?.title}</Text>}
        <Radio.Group
          label={t('cases.new.item_problem.what')}
          value={value.reason ?? ''}
          onChange={(v) => onChange({ ...value, reason: v as ItemProblemReason })}
          required
          error={touched && !value.reason ? t('cases.new.item_problem.whatMissing') : null}
        >
          <Stack gap="xs" mt="xs">
            {PROBLEM_REASONS.map((r) => (
              <Radio key={r} value={r} label={t(`cases.problem.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('cases.new.item_problem.note')}
          value={value.note}
          onChange={(e) => onChange({ ...value, note: e.currentTarget.value })}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Stack gap="xs">
          <Text size="sm">{t('cases.new.item_problem.photos')}</Text>
          <Group gap="sm">
            <FileButton onChange={pick} accept={ACCEPT} multiple>
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconCamera size={18} aria-hidden />}>
                  {t('wizard.photos.add')}
                </Button>
              )}
            </FileButton>
            {value.files.length > 0 && (
              <Text size="sm" data-testid="photo-count">
                {t('cases.new.item_problem.chosen', { n: value.files.length })}
              </Text>
            )}
          </Group>
        </Stack>
      </Stack>
    </Paper>
  );
}
