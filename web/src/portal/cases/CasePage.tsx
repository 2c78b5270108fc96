// One case: the confirmation right after it was opened, its number and status, what the store
// offered (to accept or decline) or decided, the money on its way, and the steps so far.
import { Alert, Anchor, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useCase } from '../api/case-queries.ts';
import type { PortalCase } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { Explanations } from '../layout/Explanations.tsx';
import { PageHeading } from '../layout/PageHeading.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { ComeBackLink } from '../order/ComeBackLink.tsx';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';
import { Timeline } from '../status/Timeline.tsx';
import { AddCasePhotos } from './AddCasePhotos.tsx';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { OfferCard } from './OfferCard.tsx';

function Outcome({ c }: { c: PortalCase }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const r = c.resolution;
  if (!r) return null;
  const refunded = c.refunds.reduce((s, x) => s + x.amount, 0);
  return (
    <Paper p="md" component="section" aria-labelledby="outcome-title" data-testid="case-outcome">
      <Stack gap="xs">
        <Text fw={600} id="outcome-title">
          {t('cases.outcome.title')}
        </Text>
        {r.type === 'refund' && (
          <Text data-testid="case-refund">
            {t('cases.outcome.refund', { amount: format.money(refunded || (r.amount ?? 0), c.currency) })}
          </Text>
        )}
        {r.type === 'store_credit' && (
          <Text>{t('cases.outcome.store_credit', { amount: format.money(r.amount ?? 0, c.currency) })}</Text>
        )}
        {r.type === 'reship' && <Text data-testid="case-reship">{t('cases.outcome.reship')}</Text>}
        {r.type === 'update_address' && <Text>{t('cases.outcome.update_address')}</Text>}
        {r.type === 'none' && <Text>{t('cases.outcome.none')}</Text>}
        {r.message && (
          <Text size="sm" c="gray.8" style={{ whiteSpace: 'pre-wrap' }}>
            {r.message}
          </Text>
        )}
        {r.type === 'refund' && (
          <Text size="sm" c="gray.7">
            {t('cases.outcome.refundTime')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Subject({ c }: { c: PortalCase }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const reason = c.data.reason as string | undefined;
  return (
    <Stack gap={4}>
      {c.lines.length > 0 && (
        <Text size="sm">
          {format.list(c.lines.map((l) => t('order.itemTimes', { count: l.quantity, title: l.title })))}
        </Text>
      )}
      {c.kind === 'item_problem' && reason && <Text size="sm">{t(`cases.problem.${reason}`)}</Text>}
      {typeof c.data.tracking_number === 'string' && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('cases.parcel.tracking', { number: c.data.tracking_number })}
        </Text>
      )}
    </Stack>
  );
}

export function CasePage() {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  const { store } = usePortalScope();
  const location = useLocation();
  const navigate = useNavigate();
  // The thanks is for the moment the case was opened: kept for this visit, gone on a reload.
  const [arrival] = useState(() => (location.state ?? {}) as { created?: boolean; uploadFailed?: boolean });
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page appears
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, []);
  const query = useCase(id);
  if (query.isPending) return <Skeleton h={320} aria-label={t('common.loading')} />;
  if (query.error) return <ProblemMessage error={query.error} />;
  const c = query.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={portalPath(store, 'order')} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('status.backToOrder')}
      </Anchor>
      {arrival.created && (
        <Alert
          color="teal"
          icon={<IconCircleCheck aria-hidden />}
          title={t('cases.created.title')}
          data-testid="confirmation"
        >
          <Text size="sm">{t(c.resolution ? 'cases.created.done' : 'cases.created.body')}</Text>
          {arrival.uploadFailed && (
            <Text size="sm" c="red.9" fw={600} mt={4}>
              {t('cases.photosFailed')}
            </Text>
          )}
        </Alert>
      )}
      <PageHeading title={t(`cases.kind.${c.kind}`)} />
      <Paper p="md" component="section" aria-label={t('cases.numberLabel')}>
        <Group justify="space-between" align="center" gap="sm">
          <div>
            <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
              {t('cases.numberLabel')}
            </Text>
            <Text className="rma" fz={{ base: 24, sm: 32 }} lh={1.2} data-testid="case-number">
              {c.number}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <CaseStatusBadge status={c.status} size="lg" />
            <Badge variant="outline" color="gray.7">
              {t('order.title', { number: c.order_number })}
            </Badge>
          </Stack>
        </Group>
        <Subject c={c} />
      </Paper>
      {c.offer && <OfferCard c={c} />}
      {c.kind === 'item_problem' && c.status === 'open' && (
        <AddCasePhotos c={c} urge={arrival.uploadFailed === true} />
      )}
      <Outcome c={c} />
      {!c.resolution && !c.offer && (
        <Alert color="blue">
          {t(`cases.waiting.${c.status === 'waiting_carrier' ? 'carrier' : 'store'}`)}
        </Alert>
      )}
      {!c.resolution && <Explanations items={c.explanations} />}
      <Timeline events={c.timeline} keyPrefix="cases.events" />
      <ComeBackLink path={`cases/${c.id}`} />
    </Stack>
  );
}
