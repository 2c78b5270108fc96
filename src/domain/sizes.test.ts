import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bySize, compareVariants } from './sizes.ts';

const sorted = (variants: (string | null)[]) =>
  bySize(variants.map((variant) => ({ variant }))).map((v) => v.variant);

describe('variants in size order', () => {
  it.each([
    [
      ['L', 'M', 'S', 'XL'],
      ['S', 'M', 'L', 'XL'],
    ],
    [
      ['XXL', 'XS', 'M', 'XXS', '3XL', 'S'],
      ['XXS', 'XS', 'S', 'M', 'XXL', '3XL'],
    ],
    [
      ['42', '38', '40.5', '9', '44'],
      ['9', '38', '40.5', '42', '44'],
    ],
    [
      ['EU 42', 'EU 38', 'EU 7,5'],
      ['EU 7,5', 'EU 38', 'EU 42'],
    ],
    [
      ['L / Blue', 'M / Red', 'S / Blue', 'XL / Blue', 'S / Red'],
      ['S / Blue', 'L / Blue', 'XL / Blue', 'S / Red', 'M / Red'],
    ],
    [
      ['Blue / M', 'Blue / L', 'Blue / S'],
      ['Blue / S', 'Blue / M', 'Blue / L'],
    ],
    [
      ['One size', 'Gift box'],
      ['Gift box', 'One size'],
    ],
  ])('%j -> %j', (given, expected) => {
    expect(sorted(given)).toEqual(expected);
  });

  it('is a total order: antisymmetric and the same whatever the input order', () => {
    const variant = fc.oneof(
      fc.constantFrom('XS', 'S', 'M', 'L', 'XL', '2XL', '38', '40', 'EU 41'),
      fc.string({ maxLength: 6 }),
      fc.constant(null),
    );
    const part = fc.tuple(variant, fc.constantFrom('', ' / Blue', ' / Red'));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const list = parts.map(([v, c]) => (v === null ? null : `${v}${c}`));
        for (const a of list)
          for (const b of list)
            expect(Math.sign(compareVariants(a, b)) + Math.sign(compareVariants(b, a))).toBe(0);
        expect(sorted(list)).toEqual(sorted([...list].reverse()));
      }),
    );
  });
});
