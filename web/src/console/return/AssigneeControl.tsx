import { can } from '@domain/roles.ts';
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import type { ReturnView } from '../../api/types.ts';
import { useAssign, useStaff } from '../../api/users.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

/** Who owns the return (or any case): taken with one click, handed to a colleague, or let go. */
export function AssigneeControl({ ret }: { ret: Pick<ReturnView, 'id' | 'assignee'> }) {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const canAssign = user ? can(user.role, 'cases.assign') : false;
  const staff = useStaff(canAssign);
  const assign = useAssign(ret.id);
  const current = ret.assignee;
  if (!canAssign)
    return (
      <Text size="sm" data-testid="assignee">
        {t('assignee.shown', { name: current?.name ?? t('assignee.none') })}
      </Text>
    );
  // Only those who may work a case can own one; the current owner shows even before the list loads.
  const people = (staff.data?.data ?? []).filter((u) => can(u.role, 'cases.assign'));
  if (current && !people.some((u) => u.id === current.id)) people.push({ ...current, role: 'agent' });
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          w={200}
          label={t('assignee.label')}
          value={current?.id ?? ''}
          disabled={assign.isPending}
          onChange={(e) => assign.mutate({ user_id: e.currentTarget.value || null })}
          data={[
            { value: '', label: t('assignee.none') },
            ...people.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        {current?.id !== user?.id && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUserCheck size={16} aria-hidden />}
            loading={assign.isPending}
            onClick={() => assign.mutate({ to: 'me' })}
          >
            {t('assignee.takeIt')}
          </Button>
        )}
      </Group>
      {assign.isError && <ProblemAlert error={assign.error} />}
    </Stack>
  );
}
