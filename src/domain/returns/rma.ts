// RMA numbers: short, readable aloud and over the phone, unique per store. Crockford's base32 has no
// I, L, O or U, so nothing is mistaken for 1, 0 or a rude word.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Formats 8 random bytes (or more) into "R-XXXX-XXXX": 40 bits, a billion-odd per store. */
export function formatRma(random: Uint8Array): string {
  if (random.length < 5) throw new RangeError('formatRma needs at least 5 random bytes');
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(random[i] ?? 0);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `R-${out.slice(0, 4)}-${out.slice(4)}`;
}

export function isRmaFormat(value: string): boolean {
  return /^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(value.toUpperCase());
}
