import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RefundFacts, refundProgress } from './refund-progress.ts';

const NOW = new Date('2026-04-10T12:00:00Z');
const DUE_LATER = '2026-04-20T21:59:59.999Z';
const DUE_PAST = '2026-04-01T21:59:59.999Z';
const refund = (status: string, amount = 4000, paid_at: string | null = null) => ({
  amount,
  status,
  paid_at,
});
const facts = (over: Partial<RefundFacts>): RefundFacts => ({
  status: 'completed',
  resolution: 'refund',
  refund_due_at: DUE_LATER,
  refunds: [],
  ...over,
});

describe('refundProgress', () => {
  it.each([
    ['a manual refund nobody has paid yet', { refunds: [refund('requires_action')] }, 'being_paid', null],
    ['a refund still with the provider', { refunds: [refund('pending')] }, 'being_paid', null],
    ['a refund the provider refused', { refunds: [refund('failed')] }, 'delayed', 'refused'],
    [
      'an unpaid manual refund after its due date',
      { refunds: [refund('requires_action')], refund_due_at: DUE_PAST },
      'delayed',
      'overdue',
    ],
    [
      'a return not resolved after the due date',
      { status: 'received', refund_due_at: DUE_PAST },
      'delayed',
      'overdue',
    ],
    ['a return on its way back', { status: 'in_transit' }, 'not_yet', null],
    ['a completed store credit', { resolution: 'store_credit' }, 'none', null],
    ['a rejected return', { status: 'rejected', refund_due_at: DUE_PAST }, 'none', null],
    ['a completed refund of nothing', { refunds: [] }, 'none', null],
  ])('%s', (_name, over, state, delay) => {
    const p = refundProgress(facts(over), NOW);
    expect(p.state).toBe(state);
    expect(p.delay).toBe(delay);
    expect(p.paid_at).toBeNull();
  });

  it('is paid only when every part is, on the day the last part left', () => {
    const split = [refund('succeeded', 3000, '2026-04-03T09:00:00.000Z'), refund('requires_action', 1000)];
    expect(refundProgress(facts({ refunds: split }), NOW)).toMatchObject({
      state: 'being_paid',
      amount: 4000,
      paid_amount: 3000,
      paid_at: null,
    });
    split[1] = refund('succeeded', 1000, '2026-04-05T10:00:00.000Z');
    expect(refundProgress(facts({ refunds: split }), NOW)).toMatchObject({
      state: 'paid',
      amount: 4000,
      paid_amount: 4000,
      paid_at: '2026-04-05T10:00:00.000Z',
    });
  });

  it('never says paid while any refund has not succeeded', () => {
    const status = fc.constantFrom('pending', 'requires_action', 'succeeded', 'failed');
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 4 }), fc.boolean(), (statuses, overdue) => {
        const p = refundProgress(
          facts({
            refunds: statuses.map((s) => refund(s, 100, s === 'succeeded' ? NOW.toISOString() : null)),
            refund_due_at: overdue ? DUE_PAST : DUE_LATER,
          }),
          NOW,
        );
        expect(p.state === 'paid').toBe(statuses.every((s) => s === 'succeeded'));
        expect(p.paid_amount).toBe(100 * statuses.filter((s) => s === 'succeeded').length);
      }),
    );
  });
});
