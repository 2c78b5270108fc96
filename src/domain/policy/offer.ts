// What an eligible line is offered: who pays the return shipping, keep-the-item, the resolutions, and
// whether the method and resolution the customer asked for are on offer.

import type { Jurisdiction } from '../jurisdictions.ts';
import type { OrderLine } from '../order.ts';
import type { ReasonCode } from '../reasons.ts';
import type { UnitShare } from './amounts.ts';
import type { Explainer } from './explain.ts';
import type { Policy } from './policy.schema.ts';
import type { Effects } from './rules.ts';
import type { DecisionContext, DecisionRequest, Explanation, LineDecision, ResolutionType } from './types.ts';

/** A line on its way through the engine. */
export interface Draft {
  out: LineDecision;
  line: OrderLine | null;
  idx: number;
  reason: ReasonCode;
  opened: boolean;
  effects: Effects;
  /** units taken from the line by earlier returns and earlier lines of this request */
  from: number;
  share: UnitShare;
  refundRequiredBy: string | null;
  /** a statutory right covers this return (within the legal period) */
  statutory: boolean;
  /** unit price of what the customer exchanges to */
  exchangeUnitPrice: number | null;
}

export interface OfferEnv {
  policy: Policy;
  jurisdiction: Jurisdiction;
  explain: Explainer;
  termsDisclosed: boolean;
  /** per line, the return cost from the store's cost tables (DecisionContext.returnCosts) */
  returnCosts?: DecisionContext['returnCosts'];
}

const CANONICAL: ResolutionType[] = ['refund', 'store_credit', 'exchange', 'keep_item'];

/** The key of an exchange price for one line: a SKU may cost differently against different lines. */
export function exchangeKey(lineId: string, sku: string): string {
  return `${lineId}|${sku}`;
}

export function returnShippingPayer(
  env: OfferEnv,
  d: Draft,
): { payer: 'customer' | 'merchant'; why: Explanation } {
  const { explain: x, jurisdiction: j, policy } = env;
  if (d.out.path === 'seller_fault') {
    const src = j.sellerFault.returnCostSource;
    const why = src
      ? x.law('return_shipping_merchant_seller_fault', src)
      : x.store('return_shipping_merchant_seller_fault');
    return { payer: 'merchant', why };
  }
  const cm = j.changeOfMind;
  // the law's rules bind a withdrawal within the legal period; past it the store's terms apply
  if (cm.merchantPaysShipping && d.statutory)
    return {
      payer: 'merchant',
      why: x.law('return_shipping_merchant_by_law', cm.merchantPaysShipping.source),
    };
  if (!env.termsDisclosed && cm.merchantPaysIfNotInformed && d.statutory)
    return {
      payer: 'merchant',
      why: x.law('return_shipping_merchant_not_informed', cm.merchantPaysIfNotInformed.source),
    };
  const free = d.effects.free_return_shipping;
  const payer = free ? (free.value ? 'merchant' : 'customer') : policy.change_of_mind.return_shipping;
  const code = payer === 'merchant' ? 'return_shipping_merchant' : 'return_shipping_customer';
  return { payer, why: x.store(code, {}, free?.rule ?? null) };
}

/** What sending the line's units back would cost: the store's tables for its destination and weight
 *  when it has them, else the policy's flat estimate. */
export function estimatedReturnCost(env: OfferEnv, d: Draft): number {
  const e = d.line ? env.returnCosts?.[d.line.id] : undefined;
  if (!e || e.bands.length === 0) return env.policy.keep_item.estimated_return_cost;
  const q = Math.max(1, d.out.quantity);
  const grams = e.unitGrams * q;
  const band = e.bands.find((b) => grams <= b.max_grams) ?? e.bands[e.bands.length - 1];
  return (band?.cost ?? 0) + e.handlingPerUnit * q;
}

/** Keep-the-item: refund without a return for a cheap unit or when sending it back costs too much. */
export function keepItemOffer(env: OfferEnv, d: Draft): Explanation | null {
  const k = env.policy.keep_item;
  const value = d.share.items + d.share.tax;
  const perUnit = Math.ceil(value / Math.max(1, d.out.quantity));
  if (k.max_unit_value > 0 && perUnit < k.max_unit_value)
    return env.explain.store('keep_item_low_value', { max_unit_value: k.max_unit_value });
  const share = k.max_return_cost_share_percent;
  if (share > 0 && estimatedReturnCost(env, d) * 100 > share * value)
    return env.explain.store('keep_item_return_cost', { percent: share });
  return null;
}

export function resolutionsFor(
  env: OfferEnv,
  d: Draft,
  keep: boolean,
): { list: ResolutionType[]; why: Explanation[] } {
  const offered = new Set<ResolutionType>(d.effects.resolutions?.value ?? env.policy.resolutions);
  const why: Explanation[] = [];
  if (d.refundRequiredBy && !offered.has('refund')) {
    offered.add('refund');
    why.push(env.explain.law('refund_required_by_law', d.refundRequiredBy));
  }
  if (keep) offered.add('keep_item');
  return { list: CANONICAL.filter((r) => offered.has(r)), why };
}

/** Why the request cannot be met as asked (method or resolution not on offer), or null. */
export function requestRefusal(
  env: OfferEnv,
  ctx: DecisionContext,
  req: DecisionRequest,
  d: Draft,
): { why: Explanation; unitPrice: null } | { why: null; unitPrice: number | null } {
  const x = env.explain;
  const type = req.resolution?.type;
  if (type !== 'keep_item' && (req.method === 'none' || !env.policy.return_methods.includes(req.method)))
    return { why: x.store('method_not_offered', { method: req.method }), unitPrice: null };
  if (type && !d.out.resolutions.includes(type))
    return {
      why: x.store('resolution_not_offered', { resolution: type }, d.effects.resolutions?.rule),
      unitPrice: null,
    };
  if (type !== 'exchange' || !d.line) return { why: null, unitPrice: null };
  const sku = req.resolution?.lines?.find((l) => l.lineId === d.out.line_id)?.sku ?? d.line.sku;
  // priced for this line (`lineId|sku`), or by SKU alone; the same item again costs what it cost
  const price =
    ctx.exchangePrices?.[exchangeKey(d.line.id, sku)] ??
    ctx.exchangePrices?.[sku] ??
    (sku === d.line.sku ? d.line.unit_price : undefined);
  if (price === undefined || !Number.isSafeInteger(price) || price < 0)
    return { why: x.store('exchange_unavailable', { sku }), unitPrice: null };
  return { why: null, unitPrice: price };
}
