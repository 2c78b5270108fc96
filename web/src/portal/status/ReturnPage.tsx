// One return: the confirmation right after the request, and the status page the customer reopens
// later from the link: the RMA number, the label, what to do, where it stands, the money.
import { Alert, Anchor, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useReturn } from '../api/queries.ts';
import type { PortalReturn } from '../api/types.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { StatusBadge } from '../layout/StatusBadge.tsx';
import { ComeBackLink } from '../order/ComeBackLink.tsx';
import { usePortalScope, useSession } from '../session/scope.tsx';
import { comeBackLink, linkOf, portalPath } from '../session/token.ts';
import { AddEvidence } from './AddEvidence.tsx';
import { Instructions } from './Instructions.tsx';
import { LabelButton } from './LabelButton.tsx';
import { Milestones } from './Milestones.tsx';
import { Money } from './Money.tsx';
import { QrCode } from './QrCode.tsx';
import { Timeline } from './Timeline.tsx';

interface Arrival {
  created?: boolean;
  failedUploads?: string[];
}

function Confirmation({ ret, failed }: { ret: PortalReturn; failed: boolean }) {
  const { t } = useTranslation('portal');
  const approved = ret.status !== 'requested';
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck aria-hidden />}
      title={t('status.created.title')}
      data-testid="confirmation"
    >
      <Text size="sm">{t(approved ? 'status.created.approved' : 'status.created.review')}</Text>
      {failed && (
        <Text size="sm" c="red.9" fw={600} mt={4}>
          {t('status.created.uploadFailed')}
        </Text>
      )}
    </Alert>
  );
}

function LabelCard({ ret }: { ret: PortalReturn }) {
  const { t } = useTranslation('portal');
  const { store } = usePortalScope();
  const { token } = linkOf(useSession());
  // Nothing to send before a return is accepted or once the parcel has arrived.
  if (ret.method === 'none' || !['requested', 'approved', 'in_transit'].includes(ret.status)) return null;
  if (!ret.has_label)
    return (
      <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
        {t(ret.method === 'in_store' ? 'status.label.inStoreLater' : 'status.label.later')}
      </Alert>
    );
  return (
    <Paper p="md" component="section" aria-labelledby="label-title">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap="xs" style={{ flex: '1 1 16rem' }}>
          <Text fw={600} id="label-title">
            {t(ret.method === 'in_store' ? 'status.label.titleStore' : 'status.label.title')}
          </Text>
          <Text size="sm">{t('status.label.body')}</Text>
          <Group>
            <LabelButton returnId={ret.id} rma={ret.rma} />
          </Group>
        </Stack>
        <Stack gap={4} align="center" visibleFrom="sm">
          <QrCode value={comeBackLink(store, token, `returns/${ret.id}`)} label={t('status.qr.alt')} />
          <Text size="xs" c="gray.7" maw={176} ta="center">
            {t('status.qr.caption')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

export function ReturnPage() {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  const { store } = usePortalScope();
  const arrival = (useLocation().state ?? {}) as Arrival;
  const query = useReturn(id);
  if (query.isPending) return <Skeleton h={320} aria-label={t('common.loading')} />;
  if (query.error) return <ProblemMessage error={query.error} />;
  const ret = query.data;
  const failed = (arrival.failedUploads?.length ?? 0) > 0;
  const early = ret.status === 'requested' || ret.status === 'approved';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={portalPath(store, 'order')} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('status.backToOrder')}
      </Anchor>
      {arrival.created && <Confirmation ret={ret} failed={failed} />}
      <PageHeading title={t('status.title')} />
      <Paper p="md" component="section" aria-label={t('status.rmaLabel')}>
        <Group justify="space-between" align="center" gap="sm">
          <div>
            <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
              {t('status.rmaLabel')}
            </Text>
            <Text className="rma" fz={{ base: 28, sm: 36 }} lh={1.2} data-testid="rma">
              {ret.rma}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <StatusBadge status={ret.status} money={ret.refund_progress.state} size="lg" />
            <Badge variant="outline" color="gray.7">
              {t(`resolutions.${ret.resolution.type}.title`)}
            </Badge>
          </Stack>
        </Group>
      </Paper>
      {ret.status === 'rejected' && (
        <Alert color="red" title={t('status.rejected.title')} data-testid="rejection">
          {ret.rejection?.message || t('status.rejected.body')}
        </Alert>
      )}
      {ret.status === 'canceled' && <Alert color="gray">{t('status.canceledBody')}</Alert>}
      <LabelCard ret={ret} />
      {early && <Instructions method={ret.method} rma={ret.rma} hasLabel={ret.has_label} />}
      {ret.status === 'requested' && <AddEvidence ret={ret} urge={failed} />}
      <Milestones ret={ret} />
      <Money ret={ret} />
      <Timeline events={ret.timeline} />
      <ComeBackLink path={`returns/${ret.id}`} kind="return" />
    </Stack>
  );
}
