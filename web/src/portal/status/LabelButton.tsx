// The label PDF needs the customer's token in a header, so a plain link cannot fetch it: the page
// fetches it and hands the browser a file to save or open.
import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePortalClient } from '../api/queries.ts';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';

export function LabelButton({ returnId, rma }: { returnId: string; rma: string }) {
  const { t } = useTranslation('portal');
  const { client } = usePortalClient();
  const download = useMutation({
    mutationFn: async () => {
      const blob = await client.label(returnId);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${rma}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      // the browser has the file once the click is handled; free the memory a little later
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
  return (
    <>
      <Button
        size="md"
        onClick={() => download.mutate()}
        loading={download.isPending}
        leftSection={<IconDownload size={20} aria-hidden />}
        data-testid="label-button"
      >
        {t('status.label.download')}
      </Button>
      {download.error && <ProblemMessage error={download.error} />}
    </>
  );
}
