import { Group, Paper, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PortalReturn } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { milestones } from './progress.ts';

/** The return's journey as an ordered list: done steps with their date, the current one marked. */
export function Milestones({ ret }: { ret: PortalReturn }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const list = milestones(ret);
  if (!list) return null;
  const done = ret.resolution.type;
  return (
    <Paper p="md" component="section" aria-labelledby="progress-title">
      <Text fw={600} id="progress-title" mb="sm">
        {t('status.progressTitle')}
      </Text>
      <Stack
        gap={10}
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        data-testid="milestones"
      >
        {list.map((m) => (
          <Group
            key={m.id}
            component="li"
            gap="sm"
            wrap="nowrap"
            aria-current={m.current ? 'step' : undefined}
            data-milestone={m.id}
            data-done={m.done}
          >
            <ThemeIcon
              size={28}
              radius="xl"
              color={m.done ? 'teal.9' : 'gray.5'}
              variant={m.done ? 'filled' : 'outline'}
              aria-hidden
            >
              {m.done ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
            </ThemeIcon>
            <div>
              <Text size="sm" fw={m.current ? 700 : 500} c={m.done ? 'dark' : 'dark.3'}>
                {t(
                  m.money
                    ? `status.milestone.${m.money}`
                    : m.id === 'completed'
                      ? `status.milestone.completed_${done}`
                      : `status.milestone.${m.id}`,
                )}
                {!m.done && <VisuallyHidden component="span"> ({t('status.notYet')})</VisuallyHidden>}
              </Text>
              {m.at && (
                <Text size="xs" c="gray.7">
                  <time dateTime={m.at}>{format.dateTime(m.at)}</time>
                </Text>
              )}
            </div>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
