// What a case concerns in money, and the goodwill a role may add on top (policy cases.goodwill).
import { type CaseRefund, shippedQuantities, unitsRefund } from '../../domain/cases/case-money.ts';
import type { CaseKind } from '../../domain/cases/kinds.ts';
import type { RateTable } from '../../domain/currency.ts';
import { priceIn } from '../../domain/currency.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { CaseContext } from './case-context.ts';

export interface CaseLineRef {
  line_id: string;
  quantity: number;
}

/** The full amount a case concerns (null: none of its own, e.g. an inquiry or an address change). */
export function fullRefund(
  ctx: CaseContext,
  kind: CaseKind,
  lines: readonly CaseLineRef[],
  data: Record<string, unknown>,
): CaseRefund | null {
  const order = ctx.stored.order;
  const units = lines.map((l) => ({ ...l, from: ctx.settled.get(l.line_id) ?? 0 }));
  switch (kind) {
    case 'cancellation': {
      // the delivery charge goes back too once nothing of the order ships any more
      const shipped = [...shippedQuantities(order).values()].reduce((a, b) => a + b, 0);
      const left = order.lines.some((l) => {
        const cancelled =
          (ctx.stored.cancelled[l.id] ?? 0) + (lines.find((x) => x.line_id === l.id)?.quantity ?? 0);
        return cancelled < l.quantity;
      });
      return unitsRefund(order, units, shipped === 0 && !left ? 'all' : 'none');
    }
    case 'lost_parcel':
    case 'delivery_delay':
      return unitsRefund(order, units, 'share');
    case 'item_problem':
      return unitsRefund(order, units, 'none');
    case 'dispute': {
      const amount = typeof data.amount === 'number' ? data.amount : 0;
      return { items: 0, tax: 0, shipping: 0, total: amount };
    }
    default:
      return null;
  }
}

/** What is left to refund on the order (paid minus refunded). */
export function refundable(ctx: CaseContext): number {
  return Math.max(0, ctx.stored.paid_amount - ctx.stored.refunded_amount);
}

/** The most this actor may give as goodwill on one case, in the order's currency (null: no ceiling). */
export function goodwillLimit(ctx: CaseContext, actor: Actor, rates: RateTable, day: string): number | null {
  if (actor.role === 'customer' || actor.role === 'read_only' || actor.role === 'warehouse') return 0;
  const max = ctx.policy.cases.goodwill.max_by_role[actor.role];
  if (max === null) return null;
  const priced = priceIn(ctx.stored.order.currency, max, ctx.policy.currency, undefined, rates, day);
  // a ceiling that cannot be priced in the order's currency gives nothing rather than anything
  return priced.amount ?? 0;
}

/** Refuses an amount whose goodwill part is over the actor's ceiling. */
export function assertGoodwill(
  amount: number,
  full: CaseRefund | null,
  goodwillFlag: boolean,
  limit: number | null,
): number {
  const goodwill = goodwillFlag || !full ? amount : Math.max(0, amount - full.total);
  if (limit !== null && goodwill > limit)
    throw new AppError(
      'forbidden',
      `Goodwill of ${goodwill} is over your role's ceiling of ${limit}: ask someone with a higher ceiling`,
      { goodwill, limit },
    );
  return goodwill;
}
