// More photos for a return still under review: after a failed upload, or when the store asks.
import { Button, FileButton, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { IconCamera, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUploadEvidence } from '../api/queries.ts';
import type { PortalReturn } from '../api/types.ts';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { ACCEPT, checkFile } from '../request/PhotosStep.tsx';

export function AddEvidence({ ret, urge }: { ret: PortalReturn; urge: boolean }) {
  const { t } = useTranslation('portal');
  const [lineId, setLineId] = useState(ret.lines[0]?.line_id ?? '');
  const [refused, setRefused] = useState(false);
  const upload = useUploadEvidence(ret.id);
  const pick = (files: File[]) => {
    const ok = files.filter((f) => !checkFile(f));
    setRefused(ok.length < files.length);
    if (ok.length) upload.mutate({ lineId, files: ok });
  };
  return (
    <Paper p="md" component="section" aria-labelledby="add-evidence-title" bg={urge ? 'yellow.0' : undefined}>
      <Stack gap="sm">
        <Text fw={600} id="add-evidence-title">
          {t('status.evidence.title')}
        </Text>
        <Text size="sm">{t(urge ? 'status.evidence.failed' : 'status.evidence.body')}</Text>
        {ret.lines.length > 1 && (
          <NativeSelect
            label={t('status.evidence.forItem')}
            value={lineId}
            onChange={(e) => setLineId(e.currentTarget.value)}
            data={ret.lines.map((l) => ({ value: l.line_id, label: l.title }))}
          />
        )}
        <Group gap="sm">
          <FileButton onChange={pick} accept={ACCEPT} multiple>
            {(props) => (
              <Button
                {...props}
                variant="light"
                loading={upload.isPending}
                leftSection={<IconCamera size={18} aria-hidden />}
              >
                {t('wizard.photos.add')}
              </Button>
            )}
          </FileButton>
          {upload.isSuccess && (
            <Text size="sm" c="teal.9" role="status">
              <IconCheck size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
              {t('status.evidence.sent')}
            </Text>
          )}
        </Group>
        {refused && (
          <Text size="sm" c="red.9" role="alert">
            {t('wizard.photos.refused.type')}
          </Text>
        )}
        {upload.error && <ProblemMessage error={upload.error} />}
      </Stack>
    </Paper>
  );
}
