// Step 3 (only when the policy asks for evidence): photos or a short video per item, shown back as
// thumbnails. They are uploaded once the return exists; the server checks each file's type from its
// bytes, so the checks here only spare the customer a refusal.
import { ActionIcon, Button, FileButton, Group, Image, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCamera, IconMovie, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLine } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import type { Draft } from './draft.ts';

const MB = 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/gif'];
const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'];
export const ACCEPT = [...IMAGE_TYPES, ...VIDEO_TYPES].join(',');
export const MAX_FILES_PER_LINE = 6;

// A stable key per chosen file (the same photo can be picked twice, and names repeat across phones).
const keys = new WeakMap<File, number>();
let nextKey = 0;
function fileKey(file: File): number {
  let key = keys.get(file);
  if (key === undefined) {
    key = nextKey++;
    keys.set(file, key);
  }
  return key;
}

export type FileRefusal = 'type' | 'size' | 'count';

export function checkFile(file: File): FileRefusal | null {
  const video = VIDEO_TYPES.includes(file.type);
  // An empty type (some phones' HEIC) goes to the server, which decides from the bytes.
  if (file.type && !video && !IMAGE_TYPES.includes(file.type)) return 'type';
  return file.size > (video ? 50 : 10) * MB ? 'size' : null;
}

function Thumb({ file, onRemove }: { file: File; onRemove: () => void }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const image = file.type.startsWith('image/') && file.type !== 'image/heic';
  // Made and freed in one effect: React's strict mode runs effects twice, and a URL made once in
  // render would be freed by the first cleanup while the image still shows it.
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!image) return;
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file, image]);
  return (
    <Paper p={4} pos="relative" component="li" data-testid="evidence-thumb">
      {image ? (
        url && (
          <Image
            src={url}
            alt={t('wizard.photos.thumbAlt', { name: file.name })}
            h={96}
            fit="cover"
            radius="sm"
          />
        )
      ) : (
        <Stack h={96} align="center" justify="center" gap={2} bg="gray.1" style={{ borderRadius: 4 }}>
          <IconMovie size={28} aria-hidden />
          <Text size="xs" ta="center" lineClamp={2} px={4}>
            {file.name}
          </Text>
        </Stack>
      )}
      <Text size="xs" c="gray.7" ta="center" mt={2}>
        {format.fileSize(file.size)}
      </Text>
      <ActionIcon
        pos="absolute"
        top={6}
        right={6}
        size="md"
        color="dark"
        variant="filled"
        radius="xl"
        onClick={onRemove}
        aria-label={t('wizard.photos.remove', { name: file.name })}
      >
        <IconX size={14} />
      </ActionIcon>
    </Paper>
  );
}

export function PhotosStep({
  lines,
  draft,
  update,
  showErrors,
}: {
  lines: OrderLine[];
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation('portal');
  const [refusals, setRefusals] = useState<Record<string, FileRefusal[]>>({});
  const add = (lineId: string, picked: File[]) => {
    const current = draft.files[lineId] ?? [];
    const ok: File[] = [];
    const refused: FileRefusal[] = [];
    for (const f of picked) {
      const why = checkFile(f) ?? (current.length + ok.length >= MAX_FILES_PER_LINE ? 'count' : null);
      if (why) refused.push(why);
      else ok.push(f);
    }
    setRefusals({ ...refusals, [lineId]: refused });
    update({ files: { ...draft.files, [lineId]: [...current, ...ok] } });
  };
  const remove = (lineId: string, index: number) =>
    update({
      files: { ...draft.files, [lineId]: (draft.files[lineId] ?? []).filter((_, i) => i !== index) },
    });

  return (
    <Stack gap="md">
      <Text size="sm">{t('wizard.photos.lead')}</Text>
      {lines.map((line) => {
        const files = draft.files[line.id] ?? [];
        const missing = showErrors && files.length === 0;
        return (
          <Paper key={line.id} p="md" component="section" aria-label={line.title} data-line={line.id}>
            <Stack gap="sm">
              <Text fw={600}>{line.title}</Text>
              {files.length > 0 && (
                <SimpleGrid
                  cols={{ base: 3, sm: 4 }}
                  spacing="xs"
                  component="ul"
                  style={{ listStyle: 'none', padding: 0, margin: 0 }}
                >
                  {files.map((f, i) => (
                    <Thumb key={fileKey(f)} file={f} onRemove={() => remove(line.id, i)} />
                  ))}
                </SimpleGrid>
              )}
              <Group gap="sm">
                <FileButton onChange={(picked) => add(line.id, picked)} accept={ACCEPT} multiple>
                  {(props) => (
                    <Button {...props} variant="light" leftSection={<IconCamera size={18} aria-hidden />}>
                      {files.length ? t('wizard.photos.addMore') : t('wizard.photos.add')}
                    </Button>
                  )}
                </FileButton>
                <Text size="xs" c="gray.7">
                  {t('wizard.photos.limits')}
                </Text>
              </Group>
              <div aria-live="polite">
                {missing && (
                  <Text size="sm" c="red.9" role="alert">
                    {t('wizard.photos.missing')}
                  </Text>
                )}
                {(refusals[line.id] ?? []).map((why, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one message per refused file, in order
                  <Text key={i} size="sm" c="red.9">
                    {t(`wizard.photos.refused.${why}`)}
                  </Text>
                ))}
              </div>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
