import { describe, expect, it } from 'vitest';
import { variantPriceIn } from './catalog-pricing.ts';
import { NO_RATES, rateTable } from './currency.ts';

const rates = rateTable([{ day: '2026-11-01', base: 'EUR', quote: 'RUB', rate: '100' }]);
const eur = (price: number, prices: Record<string, number> = {}) => ({ price, currency: 'EUR', prices });
const DAY = '2026-12-01';

describe('variantPriceIn', () => {
  it('uses the catalogue price in the order currency when there is one', () => {
    expect(
      variantPriceIn(
        'RUB',
        eur(4999, { RUB: 450_000 }),
        { catalog: eur(4999), paidUnitPrice: 430_000 },
        rates,
        DAY,
      ),
    ).toBe(450_000);
    expect(variantPriceIn('EUR', eur(5499), { catalog: eur(4999), paidUnitPrice: 4999 }, rates, DAY)).toBe(
      5499,
    );
  });

  it('keeps a same-priced size at exactly what was paid, whatever the rate', () => {
    expect(variantPriceIn('RUB', eur(4999), { catalog: eur(4999), paidUnitPrice: 430_000 }, rates, DAY)).toBe(
      430_000,
    );
    expect(
      variantPriceIn('RUB', eur(4999), { catalog: eur(4999), paidUnitPrice: 430_000 }, NO_RATES, DAY),
    ).toBe(430_000);
  });

  it('converts only the difference, up or down', () => {
    // +5.00 EUR = +500.00 RUB; -10.00 EUR = -1000.00 RUB
    expect(variantPriceIn('RUB', eur(5499), { catalog: eur(4999), paidUnitPrice: 430_000 }, rates, DAY)).toBe(
      480_000,
    );
    expect(variantPriceIn('RUB', eur(3999), { catalog: eur(4999), paidUnitPrice: 430_000 }, rates, DAY)).toBe(
      330_000,
    );
  });

  it('without a rate a different price is no price', () => {
    expect(
      variantPriceIn('JPY', eur(5499), { catalog: eur(4999), paidUnitPrice: 7000 }, rates, DAY),
    ).toBeNull();
    expect(variantPriceIn('JPY', eur(5499), { catalog: null, paidUnitPrice: 7000 }, rates, DAY)).toBeNull();
    expect(variantPriceIn('RUB', eur(5499), { catalog: null, paidUnitPrice: 1 }, rates, DAY)).toBe(549_900);
  });
});
