// The console's one money input reads what people type into minor units, exactly.
import { describe, expect, it } from 'vitest';
import { formatMoneyText, parseMoneyText } from '../../web/src/console/ui/money-text.ts';

describe('parseMoneyText', () => {
  it.each([
    ['5.95', 2, 595],
    ['5,95', 2, 595],
    ['5.9', 2, 590],
    ['5.', 2, 500],
    ['6', 2, 600],
    ['.5', 2, 50],
    ['1 234,50', 2, 123_450],
    ['1.234', 2, 123_400],
    ['1,234.56', 2, 123_456],
    ['800', 0, 800],
    ['1.964', 3, 1964],
    ['0', 2, 0],
  ])('%s with %i decimals is %i', (text, digits, minor) => {
    expect(parseMoneyText(text, digits)).toEqual({ ok: true, minor });
  });

  it('an empty box is no amount, not zero and not an error', () => {
    expect(parseMoneyText('', 2)).toEqual({ ok: true, minor: null });
    expect(parseMoneyText('  ', 2)).toEqual({ ok: true, minor: null });
  });

  it('refuses what is not an amount, and decimals the currency does not have', () => {
    expect(parseMoneyText('abc', 2)).toEqual({ ok: false, reason: 'format' });
    expect(parseMoneyText('-5', 2)).toEqual({ ok: false, reason: 'format' });
    // three digits after one mark in a two-decimal currency read as thousands
    expect(parseMoneyText('5.955', 2)).toEqual({ ok: true, minor: 595_500 });
    expect(parseMoneyText('5.9551', 2)).toEqual({ ok: false, reason: 'decimals' });
    expect(parseMoneyText('1,234,56', 2)).toEqual({ ok: true, minor: 12_345_600 });
    expect(parseMoneyText('1.234,5.6', 2)).toEqual({ ok: false, reason: 'format' });
    expect(parseMoneyText('8.5', 0)).toEqual({ ok: false, reason: 'decimals' });
  });

  it('round-trips every amount through the text the box shows', () => {
    for (const digits of [0, 2, 3])
      for (const minor of [0, 1, 9, 10, 595, 1964, 123_456, 99_999_999])
        expect(parseMoneyText(formatMoneyText(minor, digits), digits)).toEqual({ ok: true, minor });
  });
});
