import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PaymentProvider, providerRegistry } from '../../src/integrations/payments/provider.ts';
import { jobHandlers } from '../../src/jobs/handlers.ts';
import { runDueJobs } from '../../src/jobs/queue.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function resolvedReturn(provider: string) {
  const o = (
    await t.call(
      'POST',
      '/api/v1/orders',
      makeOrder({ payments: [{ provider, reference: 'ch_1', amount: 10612 }] }),
    )
  ).json();
  const ret = (
    await t.call('POST', '/api/v1/returns', {
      order_id: o.id,
      lines: [{ line_id: 'L1', quantity: 1 }],
      method: 'drop_off',
    })
  ).json();
  await t.call('POST', `/api/v1/returns/${ret.id}/receive`, { lines: [{ line_id: 'L1', quantity: 1 }] });
  await t.call('POST', `/api/v1/returns/${ret.id}/inspect`, {
    lines: [{ line_id: 'L1', grade: 'A', disposition: 'restock' }],
  });
  const done = (await t.call('POST', `/api/v1/returns/${ret.id}/resolve`, {})).json();
  return { order: o, ret: done };
}

describe('the refund job', () => {
  it('retries a provider that throws, passing the same derived key, and records success once', async () => {
    const keys: string[] = [];
    let calls = 0;
    const flaky: PaymentProvider = {
      code: 'flaky',
      async refund(req) {
        keys.push(req.idempotency_key);
        calls++;
        if (calls === 1) throw new Error('connection reset');
        return { status: 'succeeded', reference: `re_${calls}` };
      },
    };
    const { ret } = await resolvedReturn('flaky');
    const handlers = jobHandlers(providerRegistry([flaky]));
    expect(await runDueJobs(t.database.db, handlers)).toBe(1);
    const job = await t.database.db
      .selectFrom('jobs')
      .select(['attempts', 'last_error', 'done_at'])
      .where('kind', '=', 'refunds.execute')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ attempts: 1, last_error: 'connection reset', done_at: null });
    // Not due again until its backoff has passed; make it due now.
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(0) })
      .where('done_at', 'is', null)
      .execute();
    expect(await runDueJobs(t.database.db, handlers)).toBe(1);
    const after = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json();
    expect(after.refunds[0]).toMatchObject({ status: 'succeeded', reference: 're_2' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).toMatch(new RegExp(`^aftersale-refund-${after.refunds[0].id}-\\d+$`));
    expect(await runDueJobs(t.database.db, handlers)).toBe(0);
  });

  it('gives the amount back to the order when the provider refuses for good', async () => {
    const refusing: PaymentProvider = {
      code: 'refusing',
      refund: async () => ({ status: 'failed', reference: null, message: 'charge disputed' }),
    };
    const { order, ret } = await resolvedReturn('refusing');
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals.refunded).toBe(
      ret.refunds[0].amount,
    );
    await runDueJobs(t.database.db, jobHandlers(providerRegistry([refusing])));
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals.refunded).toBe(0);
    const after = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json();
    expect(after.refunds[0].status).toBe('failed');
    const events = (await t.call('GET', `/api/v1/returns/${ret.id}/events`)).json().data;
    expect(events.at(-1)).toMatchObject({ type: 'refund_failed', data: { message: 'charge disputed' } });
  });
});

describe('sending a stuck refund again', () => {
  it('re-sends a refused refund under a new provider key, taking its amount back first', async () => {
    let refuse = true;
    const keys: string[] = [];
    const moody: PaymentProvider = {
      code: 'moody',
      async refund(req) {
        keys.push(req.idempotency_key);
        return refuse
          ? { status: 'failed', reference: null, message: 'card expired' }
          : { status: 'succeeded', reference: 're_ok' };
      },
    };
    const handlers = jobHandlers(providerRegistry([moody]));
    const { order, ret } = await resolvedReturn('moody');
    await runDueJobs(t.database.db, handlers);
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals.refunded).toBe(0);
    const id = ret.refunds[0].id;
    expect((await t.call('POST', `/api/v1/refunds/${id}/retry`, {}, { role: 'agent' })).statusCode).toBe(403);
    const retried = await t.call('POST', `/api/v1/refunds/${id}/retry`, {}, { role: 'finance' });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().status).toBe('pending');
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals.refunded).toBe(
      ret.refunds[0].amount,
    );
    refuse = false;
    await runDueJobs(t.database.db, handlers);
    const after = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json();
    expect(after.refunds[0]).toMatchObject({ status: 'succeeded', reference: 're_ok' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
    expect((await t.call('POST', `/api/v1/refunds/${id}/retry`, {}, { role: 'finance' })).statusCode).toBe(
      409,
    );
  });

  it('revives a job that gave up, keeping its provider key', async () => {
    const keys: string[] = [];
    let down = true;
    const flaky: PaymentProvider = {
      code: 'down',
      async refund(req) {
        keys.push(req.idempotency_key);
        if (down) throw new Error('gateway timeout');
        return { status: 'succeeded', reference: 're_up' };
      },
    };
    const handlers = jobHandlers(providerRegistry([flaky]));
    const { ret } = await resolvedReturn('down');
    const id = ret.refunds[0].id;
    expect((await t.call('POST', `/api/v1/refunds/${id}/retry`, {}, { role: 'finance' })).statusCode).toBe(
      409,
    );
    for (let i = 0; i < 8; i++) {
      await t.database.db
        .updateTable('jobs')
        .set({ run_at: new Date(0) })
        .where('done_at', 'is', null)
        .execute();
      await runDueJobs(t.database.db, handlers);
    }
    expect(await runDueJobs(t.database.db, handlers)).toBe(0);
    down = false;
    expect((await t.call('POST', `/api/v1/refunds/${id}/retry`, {}, { role: 'finance' })).statusCode).toBe(
      200,
    );
    await runDueJobs(t.database.db, handlers);
    expect((await t.call('GET', `/api/v1/returns/${ret.id}`)).json().refunds[0].status).toBe('succeeded');
    expect(new Set(keys).size).toBe(1);
  });
});
