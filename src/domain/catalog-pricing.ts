// What a catalogue variant costs in an order's currency, for exchanges. A product has a base price in
// its own currency and may have prices per currency (`prices: {"RUB": 450000}`).
// - The catalogue's own price in the order's currency is that price.
// - Otherwise the variant is priced relative to what the customer paid for the ordered item: the
//   catalogue's price difference between the two, converted at the store's rate, added to the unit
//   price paid. So a same-priced size stays at exactly the price paid, whatever the rate, and only a
//   real difference is converted.
// - With neither, the variant's base price converted; with no rate, no price (not offered).

import type { RateTable } from './currency.ts';

export interface CatalogPrice {
  price: number;
  currency: string;
  prices: Readonly<Record<string, number>>;
}

function own(p: CatalogPrice, currency: string): number | undefined {
  return p.prices[currency] ?? (p.currency === currency ? p.price : undefined);
}

export function variantPriceIn(
  currency: string,
  variant: CatalogPrice,
  ordered: { catalog: CatalogPrice | null; paidUnitPrice: number },
  rates: RateTable,
  day: string,
): number | null {
  const direct = own(variant, currency);
  if (direct !== undefined) return direct;
  const o = ordered.catalog;
  if (o && o.currency === variant.currency) {
    const diff = variant.price - o.price;
    if (diff === 0) return ordered.paidUnitPrice;
    const converted = rates.convert(Math.abs(diff), variant.currency, currency, day);
    if (!converted) return null;
    return Math.max(0, ordered.paidUnitPrice + Math.sign(diff) * converted.to.amount);
  }
  return rates.convert(variant.price, variant.currency, currency, day)?.to.amount ?? null;
}
