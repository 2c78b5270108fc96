import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRma, isRmaFormat } from './rma.ts';

describe('formatRma', () => {
  it('formats known bytes', () => {
    expect(formatRma(new Uint8Array([0, 0, 0, 0, 0]))).toBe('R-0000-0000');
    expect(formatRma(new Uint8Array([255, 255, 255, 255, 255]))).toBe('R-ZZZZ-ZZZZ');
    expect(formatRma(new Uint8Array([0, 0, 0, 0, 33]))).toBe('R-0000-0011');
  });

  it('is injective on 40 bits and always well-formed', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        (a, b) => {
          const ra = formatRma(a);
          expect(isRmaFormat(ra)).toBe(true);
          expect(ra === formatRma(b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
        },
      ),
    );
  });
});
