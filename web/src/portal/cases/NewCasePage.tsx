// Opening a case from the order page: one short form per kind. A cancellation names the lines that
// have not shipped (all by default); an address change asks for the new address; a lost or late
// parcel only confirms which one; an item problem names the item, what is wrong, and photos.
import { Anchor, Button, Paper, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../api/transport.ts';
import { useCaseOptions, useCreateCase } from '../api/case-queries.ts';
import { useLanguage, useOrder } from '../api/queries.ts';
import type { CaseOptions, CreateCaseBody, CustomerCaseKind, OrderAnswer } from '../api/types.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';
import { AddressFields, emptyAddress, isComplete } from './AddressFields.tsx';
import { CancelLines } from './CancelLines.tsx';
import { ItemProblemFields, type ProblemDraft } from './ItemProblemFields.tsx';
import { ParcelCard } from './ParcelCard.tsx';

const KINDS: readonly CustomerCaseKind[] = [
  'cancellation',
  'address_change',
  'lost_parcel',
  'delivery_delay',
  'item_problem',
  'inquiry',
];

export function NewCasePage() {
  const { t } = useTranslation('portal');
  const { kind = '' } = useParams();
  const { store } = usePortalScope();
  const order = useOrder();
  const options = useCaseOptions();
  const back = (
    <Anchor component={Link} to={portalPath(store, 'order')} size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('status.backToOrder')}
    </Anchor>
  );
  if (!(KINDS as readonly string[]).includes(kind)) return back;
  if (order.error || options.error) return <ProblemMessage error={order.error ?? options.error} />;
  if (!order.data || !options.data) return <Skeleton h={320} aria-label={t('common.loading')} />;
  return (
    <Stack gap="lg">
      {back}
      <CaseForm kind={kind as CustomerCaseKind} order={order.data} options={options.data} />
    </Stack>
  );
}

function CaseForm({
  kind,
  order,
  options,
}: {
  kind: CustomerCaseKind;
  order: OrderAnswer;
  options: CaseOptions;
}) {
  const { t } = useTranslation('portal');
  const { store } = usePortalScope();
  const language = useLanguage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const key = useRef(newIdempotencyKey());
  const create = useCreateCase();
  const [touched, setTouched] = useState(false);
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState<string[]>(options.cancellable.map((l) => l.line_id));
  const [address, setAddress] = useState(() => emptyAddress(order.order));
  const delivered = order.order.lines.filter((l) => l.delivered_at);
  const [problem, setProblem] = useState<ProblemDraft>({
    lineId: delivered[0]?.id ?? '',
    reason: null,
    note: '',
    files: [],
  });
  const parcel = options.fulfillments.find((f) => f.id === params.get('parcel'));

  let fields: ReactNode = null;
  let body: CreateCaseBody | null = null;
  let files: File[] = [];
  switch (kind) {
    case 'cancellation':
      fields = (
        <CancelLines order={order} cancellable={options.cancellable} chosen={chosen} onChange={setChosen} />
      );
      body =
        chosen.length === 0
          ? null
          : {
              kind,
              // the whole order when everything open is chosen, so the delivery charge comes back too
              ...(chosen.length === options.cancellable.length
                ? {}
                : { lines: options.cancellable.filter((l) => chosen.includes(l.line_id)) }),
              data: { reason },
            };
      break;
    case 'address_change':
      fields = <AddressFields value={address} onChange={setAddress} touched={touched} />;
      body = isComplete(address) ? { kind, data: { shipping_address: address } } : null;
      break;
    case 'lost_parcel':
    case 'delivery_delay':
      fields = parcel ? <ParcelCard parcel={parcel} preview /> : null;
      body = parcel ? { kind, data: { fulfillment_id: parcel.id } } : null;
      break;
    case 'item_problem':
      fields = (
        <ItemProblemFields lines={delivered} value={problem} onChange={setProblem} touched={touched} />
      );
      files = problem.files;
      body =
        problem.reason && problem.lineId
          ? {
              kind,
              lines: [{ line_id: problem.lineId, quantity: 1 }],
              data: { reason: problem.reason, note: problem.note },
            }
          : null;
      break;
    case 'inquiry':
      body = reason.trim() ? { kind, data: { message: reason } } : null;
      break;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!body) return;
    create.mutate(
      {
        body: { ...body, language },
        idempotencyKey: key.current,
        files,
        lineId: kind === 'item_problem' ? problem.lineId : null,
      },
      {
        onSuccess: ({ created, uploadFailed }) =>
          navigate(portalPath(store, `cases/${created.id}`), { state: { created: true, uploadFailed } }),
      },
    );
  };
  const askReason = kind === 'cancellation' || kind === 'inquiry' || kind === 'address_change';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <PageHeading title={t(`cases.new.${kind}.title`)} lead={t(`cases.new.${kind}.lead`)} />
        {fields}
        {askReason && kind !== 'address_change' && (
          <Paper p="md">
            <Textarea
              label={t(kind === 'inquiry' ? 'cases.new.inquiry.message' : 'cases.new.cancellation.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={2000}
              required={kind === 'inquiry'}
              error={touched && kind === 'inquiry' && !reason.trim() ? t('cases.new.inquiry.missing') : null}
            />
          </Paper>
        )}
        {touched && !body && kind !== 'inquiry' && (
          <Text size="sm" c="red.9" role="alert">
            {t(`cases.new.${kind}.incomplete`)}
          </Text>
        )}
        {create.error && <ProblemMessage error={create.error} />}
        <div>
          <Button
            type="submit"
            size="md"
            loading={create.isPending}
            color={kind === 'cancellation' ? 'red.9' : undefined}
            data-testid="submit-case"
          >
            {t(`cases.new.${kind}.submit`)}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
