// Which case an inbound message belongs to: by the Message-IDs it answers, else by an RMA, case or
// order number in its subject (only from that order's customer), then the order's newest open case,
// else the sender's latest order (where a new inquiry case opens).
import type { Tx } from '../../db/schema.ts';

const NUMBER_PATTERNS = [
  /\bR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b/gi,
  /\bC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b/gi,
];
/** order numbers as customers write them: #1042, order 1042, Bestellung 1042, 订单1042 … */
const ORDER_NUMBER =
  /(?:#|\b(?:order|bestellung|commande|pedido|encomenda|заказ|注文|订单|訂單)\s*(?:no\.?|nr\.?|n[º°o]\.?|number|#|:)?\s*)([A-Za-z0-9-]{3,30})/giu;

export async function caseByHeaders(trx: Tx, storeId: string, ids: string[]) {
  if (!ids.length) return undefined;
  const hit = await trx
    .selectFrom('case_messages')
    .select(['case_id', 'order_id'])
    .where('store_id', '=', storeId)
    .where('message_id', 'in', ids)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return hit ? { caseId: hit.case_id, orderId: hit.order_id } : undefined;
}

/** A case named in the subject (RMA, case number, order number) whose customer wrote this. */
export async function caseBySubject(trx: Tx, storeId: string, subject: string, sender: string) {
  const numbers = NUMBER_PATTERNS.flatMap((re) => [...subject.matchAll(re)].map((m) => m[0].toUpperCase()));
  if (numbers.length) {
    const c = await trx
      .selectFrom('cases as c')
      .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
      .select(['c.id'])
      .where('c.store_id', '=', storeId)
      .where('c.number', 'in', numbers)
      .where('cu.email', '=', sender)
      .executeTakeFirst();
    if (c) return { caseId: c.id };
  }
  const orderNumbers = [...subject.matchAll(ORDER_NUMBER)].map((m) => (m[1] as string).replace(/^#/, ''));
  if (orderNumbers.length) {
    const o = await trx
      .selectFrom('orders as o')
      .innerJoin('customers as cu', 'cu.id', 'o.customer_id')
      .select(['o.id'])
      .where('o.store_id', '=', storeId)
      .where('o.number', 'in', orderNumbers)
      .where('cu.email', '=', sender)
      .executeTakeFirst();
    if (o) return { orderId: o.id };
  }
  return null;
}

/** The newest open case of the order, which a message about the order joins. */
export async function openCaseOf(trx: Tx, storeId: string, orderId: string) {
  const c = await trx
    .selectFrom('cases')
    .select('id')
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .where('closed_at', 'is', null)
    .where('kind', '!=', 'dispute')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return c?.id;
}

export async function latestOrderOf(trx: Tx, storeId: string, sender: string) {
  const o = await trx
    .selectFrom('orders as o')
    .innerJoin('customers as cu', 'cu.id', 'o.customer_id')
    .select(['o.id', 'o.customer_language'])
    .where('o.store_id', '=', storeId)
    .where('cu.email', '=', sender)
    .orderBy('o.placed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return o;
}
