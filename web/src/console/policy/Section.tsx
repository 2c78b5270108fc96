import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One titled group of the policy form; the id lets the changes list and errors link to it. */
export function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Paper p="md" component="section" aria-labelledby={`${id}-title`} id={id}>
      <Title order={2} size="h4" id={`${id}-title`}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      <Stack gap="md" mt={hint ? 0 : 'sm'}>
        {children}
      </Stack>
    </Paper>
  );
}
