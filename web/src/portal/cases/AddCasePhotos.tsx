// More photos for a problem with an item still being looked at: after a failed upload, or when the
// store asks for a clearer picture.
import { Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCamera, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUploadCaseEvidence } from '../api/case-queries.ts';
import type { PortalCase } from '../api/types.ts';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { ACCEPT, checkFile } from '../request/PhotosStep.tsx';

export function AddCasePhotos({ c, urge }: { c: PortalCase; urge: boolean }) {
  const { t } = useTranslation('portal');
  const [refused, setRefused] = useState(false);
  const upload = useUploadCaseEvidence(c.id);
  const pick = (files: File[]) => {
    const ok = files.filter((f) => !checkFile(f));
    setRefused(ok.length < files.length);
    if (ok.length) upload.mutate({ lineId: c.lines[0]?.line_id ?? null, files: ok });
  };
  return (
    <Paper p="md" component="section" aria-labelledby="case-photos-title" bg={urge ? 'yellow.0' : undefined}>
      <Stack gap="sm">
        <Text fw={600} id="case-photos-title">
          {t('status.evidence.title')}
        </Text>
        <Text size="sm">{t(urge ? 'cases.photosFailed' : 'cases.new.item_problem.photos')}</Text>
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
