// Explanations of how a policy amount reached the order's currency: converted at the store's rate
// (named, with its day), or not available at all (so it was not applied).

import type { Explainer } from './explain.ts';
import type { PricedPolicy } from './pricing.ts';
import type { Explanation } from './types.ts';

/** "5.95 EUR in the store's policy is 578 RUB at its rate of 30 Nov (1 EUR = 97.2 RUB)", or null when
 *  the amount was given in the order's currency. */
export function conversionNote(x: Explainer, pricing: PricedPolicy, path: string): Explanation | null {
  const p = pricing.notes.get(path);
  if (p?.how !== 'converted') return null;
  const c = p.conversion;
  return x.store('amount_converted', {
    from_amount: c.from.amount,
    from_currency: c.from.currency,
    amount: c.to.amount,
    to_currency: c.to.currency,
    rate: c.rate,
    rate_day: c.day,
  });
}

/** Whether the amount at `path` could not be priced in the order's currency. */
export function unpriced(pricing: PricedPolicy, path: string): boolean {
  return pricing.notes.get(path)?.how === 'unavailable';
}

/** "No fee: the policy gives none in RUB and the store has no rate from EUR." */
export function unavailableNote(
  x: Explainer,
  pricing: PricedPolicy,
  path: string,
  code: string,
): Explanation {
  const p = pricing.notes.get(path);
  const from = p?.how === 'unavailable' ? p.from : null;
  return x.store(code, { currency: pricing.currency, from_currency: from?.currency ?? '' });
}
