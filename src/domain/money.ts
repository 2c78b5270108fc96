// Money is always integer minor units plus an ISO 4217 code. No floats ever hold an amount.

export interface Money {
  amount: number;
  currency: string;
}

// The minor-unit exponents live beside conversion (currency-digits.ts); re-exported for callers here.
export { minorUnitDigits } from './currency-digits.ts';

/**
 * Splits `total` over `weights` in proportion, by largest remainder, so the parts add up to the
 * whole exactly. Ties in the remainder go to the earlier index, which keeps the split deterministic.
 * With all weights zero the total is split evenly.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`allocate: total must be an integer, got ${total}`);
  if (weights.length === 0) return [];
  if (weights.some((w) => w < 0 || !Number.isFinite(w)))
    throw new RangeError('allocate: weights must be >= 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  const effective = sum === 0 ? weights.map(() => 1) : weights;
  const effSum = sum === 0 ? weights.length : sum;
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const parts = effective.map((w) => Math.floor((abs * w) / effSum));
  let rest = abs - parts.reduce((a, b) => a + b, 0);
  const order = effective
    .map((w, i) => ({ i, rem: (abs * w) % effSum }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (rest === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    rest--;
  }
  return parts.map((p) => p * sign);
}

/**
 * The amount carried by units [from, from + count) when `total` is spread evenly over `quantity`
 * units by largest remainder (the first `total mod quantity` units carry one extra minor unit).
 * Summing consecutive ranges therefore always gives back exactly `total`.
 */
export function unitRangeShare(total: number, quantity: number, from: number, count: number): number {
  if (quantity <= 0 || count <= 0) return 0;
  const base = Math.floor(total / quantity);
  const extra = total - base * quantity;
  const end = Math.min(from + count, quantity);
  const start = Math.min(from, quantity);
  const withExtra = Math.max(0, Math.min(end, extra) - start);
  return base * (end - start) + withExtra;
}

/** percent of amount, rounded half up to the minor unit. */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent) / 100 + 0.5 + 1e-9);
}

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}
