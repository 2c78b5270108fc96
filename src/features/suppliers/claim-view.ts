// A claim as the API and the claim document show it: the supplier, amounts in the supplier's
// currency, its lines with their case, position and evidence, the credits against it, its timeline
// and the steps it can take next.
import type { Tx } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { type ClaimStatus, nextClaimSteps } from '../../domain/suppliers/claims.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getClaimView(trx: Tx, storeId: string, id: string) {
  const claim = await trx
    .selectFrom('supplier_claims as sc')
    .innerJoin('suppliers as s', 's.id', 'sc.supplier_id')
    .select([
      'sc.id',
      'sc.number',
      'sc.status',
      's.id as supplier_id',
      's.code as supplier_code',
      's.name as supplier_name',
      's.country as supplier_country',
      's.email as supplier_email',
      's.return_terms as supplier_terms',
      'sc.currency',
      (eb) => eb.fn<string | null>('to_char', ['sc.deadline', eb.val('YYYY-MM-DD')]).as('deadline'),
      'sc.claimed_amount',
      'sc.accepted_amount',
      'sc.credited_amount',
      'sc.supplier_reference',
      'sc.note',
      'sc.sent_at',
      'sc.acknowledged_at',
      'sc.decided_at',
      'sc.credited_at',
      'sc.created_at',
      'sc.created_by',
    ])
    .where('sc.store_id', '=', storeId)
    .where('sc.id', '=', id)
    .executeTakeFirst();
  if (!claim) throw notFound('Claim');
  const [lines, credits, events, messages] = await Promise.all([
    trx
      .selectFrom('supplier_claim_lines as l')
      .leftJoin('cases as c', 'c.id', 'l.case_id')
      .leftJoin('orders as o', 'o.id', 'l.order_id')
      .select([
        'l.id',
        'l.source',
        'l.case_id',
        'c.number as case_number',
        'o.number as order_number',
        'l.line_id',
        'l.sku',
        'l.description',
        'l.reason',
        'l.quantity',
        'l.amount',
        'l.accepted_amount',
        'l.position',
        'l.evidence',
      ])
      .where('l.store_id', '=', storeId)
      .where('l.claim_id', '=', id)
      .orderBy('l.created_at')
      .orderBy('c.number')
      .orderBy('l.line_id')
      .execute(),
    trx
      .selectFrom('supplier_credits')
      .select([
        'id',
        'kind',
        'amount',
        'currency',
        'units',
        'reference',
        (eb) => eb.fn<string>('to_char', ['received_on', eb.val('YYYY-MM-DD')]).as('received_on'),
        'note',
        'created_by',
        'created_at',
      ])
      .where('store_id', '=', storeId)
      .where('claim_id', '=', id)
      .orderBy('created_at')
      .execute(),
    trx
      .selectFrom('supplier_claim_events')
      .select(['type', 'actor', 'data', 'at'])
      .where('store_id', '=', storeId)
      .where('claim_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    // the conversation with the supplier: mail out and in, and what was recorded by hand
    trx
      .selectFrom('case_messages')
      .select([
        'id',
        'direction',
        'channel',
        'author',
        'to_address',
        'from_address',
        'subject',
        'body',
        'status',
        'attachments',
        'at',
        'sent_at',
        'last_error',
      ])
      .where('store_id', '=', storeId)
      .where('supplier_claim_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  const {
    supplier_id,
    supplier_code,
    supplier_name,
    supplier_country,
    supplier_email,
    supplier_terms,
    ...rest
  } = claim;
  const terms = supplier_terms as { return_address?: unknown; remedy?: string } | null;
  return {
    ...rest,
    supplier: {
      id: supplier_id,
      code: supplier_code,
      name: supplier_name,
      country: supplier_country,
      email: supplier_email,
      return_address: terms?.return_address ?? null,
    },
    next_steps: nextClaimSteps(claim.status as ClaimStatus),
    lines,
    credits,
    events,
    messages,
  };
}
export type ClaimView = Awaited<ReturnType<typeof getClaimView>>;

export async function listClaims(
  trx: Tx,
  storeId: string,
  filter: { status?: string; supplier?: string; limit: number },
) {
  let q = trx
    .selectFrom('supplier_claims as sc')
    .innerJoin('suppliers as s', 's.id', 'sc.supplier_id')
    .select([
      'sc.id',
      'sc.number',
      'sc.status',
      's.code as supplier_code',
      's.name as supplier_name',
      'sc.currency',
      (eb) => eb.fn<string | null>('to_char', ['sc.deadline', eb.val('YYYY-MM-DD')]).as('deadline'),
      'sc.claimed_amount',
      'sc.accepted_amount',
      'sc.credited_amount',
      'sc.sent_at',
      'sc.created_at',
      'sc.updated_at',
      (eb) =>
        eb
          .selectFrom('supplier_claim_lines as l')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('l.claim_id', '=', 'sc.id')
          .as('lines'),
    ])
    .where('sc.store_id', '=', storeId);
  if (filter.status) q = q.where('sc.status', '=', filter.status);
  if (filter.supplier) q = q.where(UUID.test(filter.supplier) ? 's.id' : 's.code', '=', filter.supplier);
  return q.orderBy('sc.created_at', 'desc').orderBy('sc.number', 'desc').limit(filter.limit).execute();
}
