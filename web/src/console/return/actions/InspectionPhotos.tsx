// Photos taken at inspection, attached to the return line as evidence (the same checks as the
// customer's: type sniffed, size limits). They show in the return's evidence gallery at once.
import { Button, FileButton, Group, Text } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, type Problem, send } from '../../../api/transport.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';

async function upload(caseId: string, lineId: string, files: File[]): Promise<number> {
  const form = new FormData();
  form.append('line_id', lineId);
  for (const f of files) form.append('file', f, f.name);
  const res = await send('POST', `/api/v1/cases/${caseId}/evidence`, { form });
  const body = (await res.json()) as { data: unknown[] };
  return body.data.length;
}

export function InspectionPhotos({ caseId, lineId }: { caseId: string; lineId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (files: File[]) => upload(caseId, lineId, files),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['returns', caseId, 'evidence'] }),
  });
  return (
    <Group gap="sm" align="center">
      <FileButton
        multiple
        accept="image/jpeg,image/png,image/webp,image/heic,video/mp4,video/quicktime"
        onChange={(files) => files.length && add.mutate(files)}
      >
        {(props) => (
          <Button
            {...props}
            variant="light"
            size="xs"
            leftSection={<IconCamera size={16} aria-hidden />}
            loading={add.isPending}
            data-testid={`inspection-photo-${lineId}`}
          >
            {t('actions.addPhotos')}
          </Button>
        )}
      </FileButton>
      {add.isSuccess && (
        <Text size="xs" c="teal.8" role="status">
          {t('actions.photosAdded', { count: add.data })}
        </Text>
      )}
      {add.isError && (
        <ProblemAlert
          error={
            add.error instanceof ApiError
              ? add.error
              : new ApiError({
                  status: 0,
                  code: 'upload_failed',
                  title: String(add.error),
                  detail: '',
                } as Problem)
          }
        />
      )}
    </Group>
  );
}
