// ISO 4217 minor-unit exponents. Apart from currency.ts (which brings zod for its schemas) so the
// browser app can format money without loading the validation library.

// biome-ignore format: dense lists
const ZERO_DECIMALS = new Set([
  'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV',
  'XAF', 'XOF', 'XPF',
]);
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Number of decimals of a currency's minor unit (ISO 4217). */
export function minorUnitDigits(currency: string): number {
  if (ZERO_DECIMALS.has(currency)) return 0;
  if (THREE_DECIMALS.has(currency)) return 3;
  return 2;
}

/**
 * A decimal amount as platforms send it ("199.00", "1000", "12.5") in minor units of `currency`,
 * exactly (no floating point); null when it is not a plain decimal or has more decimals than the
 * currency's minor unit can hold.
 */
export function decimalToMinor(text: string | number | null | undefined, currency: string): number | null {
  if (text === null || text === undefined) return null;
  const s = typeof text === 'number' ? String(text) : text.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const digits = minorUnitDigits(currency);
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > digits) return null;
  const value = Number(`${m[2]}${frac.padEnd(digits, '0')}`);
  return m[1] === '-' ? -value : value;
}

/** Minor units as the decimal string platforms take ("15.00", "800" for JPY, "1.500" for KWD). */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return sign + (digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`);
}
