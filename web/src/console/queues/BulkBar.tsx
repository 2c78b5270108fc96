// What a team does to many returns at once: approve the routine ones, hand a batch to a colleague,
// take them, or export the queue as CSV. Each return succeeds or fails on its own; the bar says how
// many went through and which could not (someone else moved them first, say).
import { can } from '@domain/roles.ts';
import { Alert, Anchor, Button, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { IconCheck, IconDownload, IconPrinter, IconUserCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnListParams } from '../../api/returns.ts';
import { useSession } from '../../api/session.ts';
import { api } from '../../api/transport.ts';
import { useStaff } from '../../api/users.ts';

type Action =
  | { action: 'approve' }
  | { action: 'label' }
  | { action: 'assign'; to?: 'me'; user_id?: string | null };
interface Result {
  id: string;
  ok: boolean;
  code?: string;
  detail?: string;
}

interface Props {
  selected: string[];
  /** the queue's filters, for the export */
  params: ReturnListParams;
  canApprove: boolean;
  /** the queue's returns are approved and may need a label printed */
  canLabel: boolean;
  onDone: () => void;
}

export function BulkBar({ selected, params, canApprove, canLabel, onDone }: Props) {
  const { t } = useTranslation();
  const role = useSession().data?.user.role ?? 'read_only';
  const client = useQueryClient();
  const staff = useStaff(can(role, 'cases.assign'));
  const [to, setTo] = useState('');
  const run = useMutation({
    mutationFn: (action: Action) =>
      api.post<{ data: Result[] }>('/api/v1/returns/bulk', { body: { ids: selected, action } }),
    onSuccess: (body, action) => {
      void client.invalidateQueries({ queryKey: ['returns'] });
      // the labels issued (or already there) open as one PDF to print
      const printable = body.data.filter((r) => r.ok).map((r) => r.id);
      if (action.action === 'label' && printable.length > 0)
        window.open(`/api/v1/returns/labels.pdf?ids=${printable.join(',')}`, '_blank', 'noopener');
      onDone();
    },
  });
  const exportParams = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== 'limit'),
  );
  const results = run.data?.data ?? [];
  const failed = results.filter((r) => !r.ok);
  const n = selected.length;
  return (
    <Paper p="sm" withBorder data-testid="bulk-bar">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600} aria-live="polite">
          {n > 0 ? t('bulk.selected', { count: n }) : t('bulk.none')}
        </Text>
        {canApprove && can(role, 'returns.review') && (
          <Button
            size="xs"
            leftSection={<IconCheck size={14} aria-hidden />}
            disabled={n === 0}
            loading={run.isPending && run.variables?.action === 'approve'}
            onClick={() => run.mutate({ action: 'approve' })}
          >
            {t('bulk.approve', { count: n })}
          </Button>
        )}
        {canLabel && can(role, 'returns.label') && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPrinter size={14} aria-hidden />}
            disabled={n === 0}
            loading={run.isPending && run.variables?.action === 'label'}
            onClick={() => run.mutate({ action: 'label' })}
          >
            {t('bulk.labels', { count: n })}
          </Button>
        )}
        {can(role, 'cases.assign') && (
          <>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconUserCheck size={14} aria-hidden />}
              disabled={n === 0}
              onClick={() => run.mutate({ action: 'assign', to: 'me' })}
            >
              {t('bulk.takeThem')}
            </Button>
            <Group gap={4} wrap="nowrap">
              <NativeSelect
                size="xs"
                aria-label={t('bulk.assignTo')}
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
                data={[
                  { value: '', label: t('bulk.assignTo') },
                  ...(staff.data?.data ?? [])
                    .filter((u) => can(u.role, 'cases.assign'))
                    .map((u) => ({ value: u.id, label: u.name })),
                ]}
              />
              <Button
                size="xs"
                variant="light"
                disabled={n === 0 || !to}
                onClick={() => run.mutate({ action: 'assign', user_id: to })}
              >
                {t('bulk.assign')}
              </Button>
            </Group>
          </>
        )}
        <Anchor
          href={`/api/v1/returns/export.csv?${exportParams}`}
          size="sm"
          ml="auto"
          download
          data-testid="export-csv"
        >
          <Group gap={4} wrap="nowrap">
            <IconDownload size={14} aria-hidden />
            {t('bulk.export')}
          </Group>
        </Anchor>
      </Group>
      {run.isSuccess && (
        <Alert mt="sm" color={failed.length ? 'yellow' : 'teal'} role="status" data-testid="bulk-result">
          {t('bulk.done', { count: results.length - failed.length })}
          {failed.length > 0 &&
            ` ${t('bulk.failed', { count: failed.length, why: failed[0]?.detail ?? '' })}`}
        </Alert>
      )}
    </Paper>
  );
}
