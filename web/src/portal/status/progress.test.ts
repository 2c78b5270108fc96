// The customer's milestones never tick "Refunded" before the money has left.

import { refundProgress } from '@domain/returns/refund-progress.ts';
import { describe, expect, it } from 'vitest';
import type { PortalReturn } from '../api/types.ts';
import { shownStatus } from '../layout/StatusBadge.tsx';
import { milestones } from './progress.ts';

const NOW = new Date('2026-04-10T12:00:00Z');

function completed(refunds: PortalReturn['refunds'], due = '2026-04-20T00:00:00.000Z'): PortalReturn {
  const facts = { status: 'completed', resolution: 'refund', refund_due_at: due, refunds };
  return {
    status: 'completed',
    method: 'label',
    resolution: { type: 'refund' },
    refund_due_at: due,
    refunds,
    refund_progress: refundProgress(facts, NOW),
    requested_at: '2026-04-01T08:00:00.000Z',
    timeline: [
      { type: 'requested', at: '2026-04-01T08:00:00.000Z' },
      { type: 'resolved', at: '2026-04-08T08:00:00.000Z' },
    ],
  } as PortalReturn;
}

const last = (r: PortalReturn) => milestones(r)?.at(-1);

describe('the portal milestones', () => {
  it('stop short of "Refunded" while a manual refund waits to be paid', () => {
    const r = completed([{ amount: 4000, currency: 'EUR', status: 'requires_action', paid_at: null }]);
    expect(last(r)).toEqual({ id: 'completed', done: false, current: false, at: null, money: 'paying' });
    expect(milestones(r)?.find((m) => m.current)?.id).toBe('inspected');
    expect(shownStatus(r.status, r.refund_progress.state)).toBe('paying');
  });

  it('say the refund is late when the provider refused it', () => {
    const r = completed([{ amount: 4000, currency: 'EUR', status: 'failed', paid_at: null }]);
    expect(last(r)).toMatchObject({ done: false, money: 'delayed' });
    expect(shownStatus(r.status, r.refund_progress.state)).toBe('delayed');
  });

  it('tick "Refunded" on the day the money left', () => {
    const r = completed([
      { amount: 4000, currency: 'EUR', status: 'succeeded', paid_at: '2026-04-09T10:00:00.000Z' },
    ]);
    expect(last(r)).toEqual({ id: 'completed', done: true, current: true, at: '2026-04-09T10:00:00.000Z' });
    expect(shownStatus(r.status, r.refund_progress.state)).toBe('completed');
  });
});
