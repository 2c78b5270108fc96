import { Grid, Skeleton, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useReturn } from '../../api/returns.ts';
import { ConversationCard } from '../cases/ConversationCard.tsx';
import { OrderCasesCard } from '../cases/OrderCasesCard.tsx';
import { BackLink } from '../ui/BackLink.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { ActionsPanel } from './actions/ActionsPanel.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import { EvidenceGallery } from './EvidenceGallery.tsx';
import { LinesCard } from './LinesCard.tsx';
import { NotesCard } from './NotesCard.tsx';
import { ReturnHeader } from './ReturnHeader.tsx';
import { Timeline } from './Timeline.tsx';

export function ReturnPage() {
  const { id = '' } = useParams();
  const ret = useReturn(id);
  usePageTitle(ret.data?.rma);
  if (ret.isPending) return <Skeleton h={400} maw={1200} mx="auto" />;
  if (ret.isError) return <ProblemAlert error={ret.error} maw={1200} mx="auto" />;
  const r = ret.data;
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <BackLink />
      <ReturnHeader ret={r} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <ActionsPanel ret={r} />
            <LinesCard ret={r} />
            <EvidenceGallery caseId={r.id} />
            <Timeline caseId={r.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <CustomerCard ret={r} />
            <ConversationCard caseId={r.id} />
            <NotesCard caseId={r.id} />
            <OrderCasesCard orderId={r.order_id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
