import { Image, Modal, Paper, SimpleGrid, Skeleton, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseEvidence } from '../../api/returns.ts';
import type { Evidence } from '../../api/types.ts';

function Thumbnail({ caseId, evidence }: { caseId: string; evidence: Evidence }) {
  const { t } = useTranslation();
  // The session cookie goes with the request, so the browser loads and caches the file itself.
  const url = `/api/v1/cases/${caseId}/evidence/${evidence.id}`;
  const [open, setOpen] = useState(false);
  if (evidence.content_type.startsWith('video/'))
    return (
      // biome-ignore lint/a11y/useMediaCaption: customers' own clips come without captions
      <video src={url} controls style={{ width: '100%', borderRadius: 8 }} aria-label={evidence.filename} />
    );
  return (
    <>
      <UnstyledButton
        onClick={() => setOpen(true)}
        aria-label={t('evidence.open', { name: evidence.filename })}
      >
        <Image src={url} alt={evidence.filename} h={140} fit="cover" radius="md" loading="lazy" />
      </UnstyledButton>
      <Modal opened={open} onClose={() => setOpen(false)} title={evidence.filename} size="xl" centered>
        <Image src={url} alt={evidence.filename} fit="contain" mah="75vh" />
      </Modal>
    </>
  );
}

export function EvidenceGallery({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const evidence = useCaseEvidence(caseId);
  const files = evidence.data?.data ?? [];
  return (
    <Paper p="md" component="section" aria-labelledby="evidence-title" data-testid="evidence">
      <Title order={2} size="h4" id="evidence-title" mb="sm">
        {t('evidence.title')}
      </Title>
      {evidence.isPending && <Skeleton h={140} />}
      {evidence.isSuccess && files.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('evidence.empty')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
        {files.map((f) => (
          <Thumbnail key={f.id} caseId={caseId} evidence={f} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
