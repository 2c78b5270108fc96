// Money as people type it, to and from integer minor units, without floating point: "5.95" and
// "5,95" are 595 cents, "1 234,5" is 123450, "800" yen is 800. Pure, so it is tested without a browser.

export type ParsedMoney = { ok: true; minor: number | null } | { ok: false; reason: 'format' | 'decimals' };

/** `null` for an empty box; a refusal when the text is not an amount or has too many decimals. */
export function parseMoneyText(text: string, digits: number): ParsedMoney {
  const s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return { ok: true, minor: null };
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, reason: 'format' };
  const marks = [...s.matchAll(/[.,]/g)].map((m) => ({ mark: m[0], at: m.index ?? 0 }));
  const last = marks.at(-1);
  // The last mark is the decimal one, unless it is a thousands separator: the only kind of mark,
  // used more than once, or once with exactly three digits after it in a currency with fewer decimals.
  let decimalAt = -1;
  if (last) {
    const sameKind = marks.filter((m) => m.mark === last.mark).length;
    const mixed = marks.some((m) => m.mark !== last.mark);
    const after = s.length - last.at - 1;
    const grouping = !mixed && (sameKind > 1 || (after === 3 && digits < 3 && last.at > 0));
    if (!grouping) decimalAt = last.at;
    if (mixed && marks.slice(0, -1).some((m) => m.mark === last.mark)) return { ok: false, reason: 'format' };
  }
  const intPart = (decimalAt < 0 ? s : s.slice(0, decimalAt)).replace(/[.,]/g, '');
  const frac = decimalAt < 0 ? '' : s.slice(decimalAt + 1);
  if (/[.,]/.test(frac)) return { ok: false, reason: 'format' };
  if (frac.length > digits) return { ok: false, reason: 'decimals' };
  const minor = Number(`${intPart || '0'}${frac.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'format' };
  return { ok: true, minor };
}

/** Minor units as the box shows them: "5.95", "800", "1.964" (no grouping, "." as the mark). */
export function formatMoneyText(minor: number | null | undefined, digits: number): string {
  if (minor === null || minor === undefined) return '';
  if (digits === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
