// An order as the engine reads it: the order row, its customer, lines, payments and fulfilments in
// one query (JSON aggregation), assembled into the domain's Order with what only rules and refunds
// read beside it (tags, cancelled units, the money paid and refunded).
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { reusable } from '../../db/reusable.ts';
import type { Row, Tx } from '../../db/schema.ts';
import type { Order } from '../../domain/order.ts';
import { type OrderFilter, type OrderPage, orderSearch } from './orders.queries.ts';

export interface StoredOrder {
  id: string;
  customer_id: string;
  paid_amount: number;
  refunded_amount: number;
  total_amount: number;
  created_at: Date;
  updated_at: Date;
  order: Order;
  /** the order's tags and each line's product tags by line id, beside the order: only rules read them */
  tags: { order: string[]; lines: Record<string, string[]> };
  /** units of each line cancelled before shipment, by line id (lines with none are absent) */
  cancelled: Record<string, number>;
}

/** A timestamp as JSON aggregation gives it (PostgreSQL's text, with its offset) in ISO 8601 UTC. */
const iso = (d: string | null) => (d ? new Date(d).toISOString() : null);

type LoadedLine = Pick<
  Row<'order_lines'>,
  | 'line_id'
  | 'sku'
  | 'title'
  | 'variant'
  | 'category'
  | 'quantity'
  | 'unit_price'
  | 'discount'
  | 'tax'
  | 'flags'
  | 'supplier'
  | 'no_reason_return_waived'
  | 'cancelled_quantity'
  | 'position'
  | 'tags'
>;
type LoadedFulfillment = Pick<
  Row<'fulfillments'>,
  'fulfillment_id' | 'lines' | 'carrier' | 'tracking_number' | 'origin_country'
> & { shipped_at: string | null; delivered_at: string | null };

function assemble(
  o: Row<'orders'>,
  customer: Pick<Row<'customers'>, 'email' | 'name' | 'phone'>,
  lines: LoadedLine[],
  payments: Pick<Row<'payments'>, 'position' | 'provider' | 'reference' | 'amount'>[],
  fulfillments: LoadedFulfillment[],
): StoredOrder {
  const order: Order = {
    external_id: o.external_id,
    number: o.number,
    channel: o.channel,
    currency: o.currency,
    placed_at: o.placed_at.toISOString(),
    return_terms_disclosed: o.return_terms_disclosed,
    customer: {
      email: customer.email,
      name: customer.name,
      phone: customer.phone,
      language: o.customer_language,
      time_zone: o.customer_time_zone,
      segments: o.customer_segments,
    },
    shipping_address: o.shipping_address as unknown as Order['shipping_address'],
    lines: lines
      .sort((a, b) => a.position - b.position)
      .map((l) => ({
        id: l.line_id,
        sku: l.sku,
        title: l.title,
        variant: l.variant,
        category: l.category,
        quantity: l.quantity,
        unit_price: l.unit_price,
        discount: l.discount,
        tax: l.tax,
        flags: l.flags as Order['lines'][number]['flags'],
        supplier: l.supplier,
        no_reason_return_waived: l.no_reason_return_waived,
        ...(l.cancelled_quantity > 0 ? { cancelled_quantity: l.cancelled_quantity } : {}),
      })),
    discounts: o.discounts as unknown as Order['discounts'],
    shipping: { amount: o.shipping_amount, tax: o.shipping_tax },
    payments: payments
      .sort((a, b) => a.position - b.position)
      .map((p) => ({ provider: p.provider, reference: p.reference, amount: p.amount })),
    fulfillments: fulfillments.map((f) => ({
      id: f.fulfillment_id,
      lines: f.lines as unknown as { line_id: string; quantity: number }[],
      carrier: f.carrier,
      tracking_number: f.tracking_number,
      shipped_at: iso(f.shipped_at),
      delivered_at: iso(f.delivered_at),
      origin_country: f.origin_country,
    })),
  };
  return {
    id: o.id,
    customer_id: o.customer_id,
    paid_amount: o.paid_amount,
    refunded_amount: o.refunded_amount,
    total_amount: o.total_amount,
    created_at: o.created_at,
    updated_at: o.updated_at,
    order,
    tags: { order: o.tags, lines: Object.fromEntries(lines.map((l) => [l.line_id, l.tags])) },
    cancelled: Object.fromEntries(
      lines.filter((l) => l.cancelled_quantity > 0).map((l) => [l.line_id, l.cancelled_quantity]),
    ),
  };
}

/** Whole orders of a store (customer, lines, payments, fulfillments as JSON): one query. */
function ordersQuery(db: Tx, storeId: string) {
  return db
    .selectFrom('orders as o')
    .selectAll('o')
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('customers as c')
          .select(['c.email', 'c.name', 'c.phone'])
          .where('c.store_id', '=', storeId)
          .whereRef('c.id', '=', 'o.customer_id'),
      ).as('customer'),
      jsonArrayFrom(
        eb
          .selectFrom('order_lines as l')
          .select([
            'l.line_id',
            'l.sku',
            'l.title',
            'l.variant',
            'l.category',
            'l.quantity',
            'l.unit_price',
            'l.discount',
            'l.tax',
            'l.flags',
            'l.supplier',
            'l.no_reason_return_waived',
            'l.cancelled_quantity',
            'l.position',
            'l.tags',
          ])
          .where('l.store_id', '=', storeId)
          .whereRef('l.order_id', '=', 'o.id')
          .orderBy('l.position'),
      ).as('lines'),
      jsonArrayFrom(
        eb
          .selectFrom('payments as p')
          .select(['p.position', 'p.provider', 'p.reference', 'p.amount'])
          .where('p.store_id', '=', storeId)
          .whereRef('p.order_id', '=', 'o.id')
          .orderBy('p.position'),
      ).as('payments'),
      jsonArrayFrom(
        eb
          .selectFrom('fulfillments as f')
          .select([
            'f.fulfillment_id',
            'f.lines',
            'f.carrier',
            'f.tracking_number',
            'f.shipped_at',
            'f.delivered_at',
            'f.origin_country',
          ])
          .where('f.store_id', '=', storeId)
          .whereRef('f.order_id', '=', 'o.id'),
      ).as('fulfillments'),
    ])
    .where('o.store_id', '=', storeId);
}

/** One order by id, read or locked: the order reads' text, built once. */
const oneOrder = (lock: boolean) =>
  reusable(['storeId', 'id'], (db, p: { storeId: string; id: string }) => {
    const q = ordersQuery(db, p.storeId).where('o.id', '=', p.id);
    // locked: the order row, as lockOrder() does, in the same statement
    return lock ? q.forUpdate('o') : q;
  });
const byId = { locked: oneOrder(true), read: oneOrder(false) };

/** Loads whole orders (customer, lines, payments, fulfillments) in one query, whatever their number. */
export async function loadOrders(
  trx: Tx,
  storeId: string,
  ids: string[],
  opts: { lock?: boolean } = {},
): Promise<StoredOrder[]> {
  if (ids.length === 0) return [];
  const [only] = ids;
  const many = () => ordersQuery(trx, storeId).where('o.id', 'in', ids);
  const rows =
    ids.length === 1 && only !== undefined
      ? await (opts.lock ? byId.locked : byId.read).execute(trx, { storeId, id: only })
      : await (opts.lock ? many().forUpdate('o') : many()).execute();
  const byKey = new Map(rows.map((r) => [r.id, r]));
  return assembled(ids.flatMap((id) => byKey.get(id) ?? []));
}

type OrderJsonRow = Awaited<ReturnType<ReturnType<typeof ordersQuery>['execute']>>[number];

/** Rows of ordersQuery as StoredOrders, in their order (an order whose customer is gone is left out). */
function assembled(rows: OrderJsonRow[]): StoredOrder[] {
  return rows.flatMap((r) => {
    if (!r.customer) return [];
    const { customer, lines, payments, fulfillments, ...o } = r;
    return [assemble(o, customer, lines, payments, fulfillments as unknown as LoadedFulfillment[])];
  });
}

/** The orders a search finds, whole, newest first: one query (findOrderIds and loadOrders in one). */
export async function findOrders(
  trx: Tx,
  storeId: string,
  filter: OrderFilter,
  page: OrderPage,
): Promise<StoredOrder[]> {
  const rows = await ordersQuery(trx, storeId)
    .where(orderSearch(storeId, filter, page.after))
    .orderBy('o.placed_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(page.limit)
    .execute();
  return assembled(rows);
}

export async function loadOrder(
  trx: Tx,
  storeId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<StoredOrder | undefined> {
  return (await loadOrders(trx, storeId, [id], opts))[0];
}
