// A same-priced exchange with a label fee names the fee, never a "difference".
import { describe, expect, it } from 'vitest';
import { exchangeMessage } from './exchange-money.ts';

describe('exchangeMessage', () => {
  it.each([
    ['same price, no fee', { difference: 0, fees: 0, due_from_customer: 0, refund: 0 }, 'exchangeEven', {}],
    [
      'same price, label fee',
      { difference: 0, fees: 595, due_from_customer: 595, refund: 0 },
      'exchangePayFee',
      { fees: 595 },
    ],
    [
      'dearer, no fee',
      { difference: 1000, fees: 0, due_from_customer: 1000, refund: 0 },
      'exchangePay',
      { amount: 1000 },
    ],
    [
      'dearer and a fee',
      { difference: 1000, fees: 595, due_from_customer: 1595, refund: 0 },
      'exchangePayBoth',
      { difference: 1000, fees: 595, amount: 1595 },
    ],
    [
      'cheaper, less the fee',
      { difference: -1000, fees: 595, due_from_customer: 0, refund: 405 },
      'exchangeRefund',
      { amount: 405 },
    ],
    // a decision stored before fees were named apart: what is due stays the difference
    [
      'stored without fees',
      { difference: 700, due_from_customer: 700, refund: 0 },
      'exchangePay',
      { amount: 700 },
    ],
  ])('%s', (_name, x, key, amounts) => {
    expect(exchangeMessage(x)).toEqual({ key: `wizard.resolution.${key}`, amounts });
  });
});
