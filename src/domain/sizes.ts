// Variants in the order a shopper reads sizes: XXS before XS, S, M, L, XL ... and 38 before 40.5
// before 42, not the alphabet's L, M, S, XL. A variant names its size among other parts
// ("M / Blue", "EU 42 / Black"); variants are grouped by those other parts (the colour), each
// group in size order, and a variant with no size it can read keeps its alphabetical place.

const LETTERS = ['XXXS', 'XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', 'XXXL', 'XXXXL', 'XXXXXL'];
/** "2XL" is "XXL", "3XS" is "XXXS" */
const COUNTED = /^([2-5])X([SL])$/;
const NUMERIC = /^(?:[A-Z]{1,3}\s?)?(\d+(?:[.,]\d+)?)$/;

function sizeRank(part: string): number | null {
  const p = part.trim().toUpperCase();
  const counted = COUNTED.exec(p);
  const letter = counted ? `${'X'.repeat(Number(counted[1]))}${counted[2]}` : p;
  const i = LETTERS.indexOf(letter);
  if (i >= 0) return i;
  const n = NUMERIC.exec(p);
  return n?.[1] ? 1000 + Number(n[1].replace(',', '.')) : null;
}

export interface SizeKey {
  /** the variant's other parts, e.g. the colour */
  rest: string;
  rank: number | null;
}

export function sizeKey(variant: string | null): SizeKey {
  const parts = (variant ?? '').split(/\s*[/|]\s*|,\s+/).filter(Boolean);
  const at = parts.findIndex((p) => sizeRank(p) !== null);
  if (at < 0) return { rest: parts.join(' / '), rank: null };
  return { rest: parts.filter((_, i) => i !== at).join(' / '), rank: sizeRank(parts[at] ?? '') };
}

export function compareVariants(a: string | null, b: string | null): number {
  const ka = sizeKey(a);
  const kb = sizeKey(b);
  const byRest = ka.rest.localeCompare(kb.rest);
  if (byRest !== 0) return byRest;
  if (ka.rank !== null && kb.rank !== null && ka.rank !== kb.rank) return ka.rank - kb.rank;
  if (ka.rank === null && kb.rank !== null) return 1;
  if (kb.rank === null && ka.rank !== null) return -1;
  if (a === b) return 0;
  if (a === null || b === null) return a === null ? -1 : 1;
  // a total order, so a list sorts the same whatever order it came in
  return a.localeCompare(b) || (a < b ? -1 : 1);
}

/** A list sorted by its items' variants, in size order. */
export function bySize<T extends { variant: string | null }>(items: readonly T[]): T[] {
  return [...items].sort((x, y) => compareVariants(x.variant, y.variant));
}
