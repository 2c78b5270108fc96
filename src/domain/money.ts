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
  const n = weights.length;
  if (n === 0) return [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (w < 0 || !Number.isFinite(w)) throw new RangeError('allocate: weights must be >= 0');
  }
  for (let i = 0; i < n; i++) sum += weights[i] as number;
  const even = sum === 0;
  const effSum = even ? n : sum;
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const parts = new Array<number>(n);
  const rems = new Array<number>(n);
  let given = 0;
  let finite = true;
  for (let i = 0; i < n; i++) {
    const w = even ? 1 : (weights[i] as number);
    const p = Math.floor((abs * w) / effSum);
    parts[i] = p;
    given += p;
    rems[i] = (abs * w) % effSum;
    if (!Number.isFinite(rems[i] as number)) finite = false;
  }
  let rest = abs - given;
  // the units left go one each by largest remainder, ties to the earlier index; a negative rest
  // (never, with exact products) gives every part one, as a countdown that never reaches 0 would
  if (rest !== 0) {
    if (rest < 0 || rest >= n) for (let i = 0; i < n; i++) parts[i] = (parts[i] as number) + 1;
    else if (n <= 8 && finite) {
      // few parts: pick the largest remainder `rest` times rather than sorting
      const taken = new Array<boolean>(n).fill(false);
      for (; rest > 0; rest--) {
        let best = -1;
        for (let i = 0; i < n; i++)
          if (!taken[i] && (best < 0 || (rems[i] as number) > (rems[best] as number))) best = i;
        taken[best] = true;
        parts[best] = (parts[best] as number) + 1;
      }
    } else {
      const order = rems.map((rem, i) => ({ i, rem })).sort((a, b) => b.rem - a.rem || a.i - b.i);
      for (const { i } of order) {
        if (rest === 0) break;
        parts[i] = (parts[i] as number) + 1;
        rest--;
      }
    }
  }
  if (sign < 0) for (let i = 0; i < n; i++) parts[i] = (parts[i] as number) * sign;
  return parts;
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
