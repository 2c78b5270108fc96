import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PaymentProvider,
  providerRegistry,
  type RefundOutcome,
  type RefundRequest,
} from '../../src/integrations/payments/provider.ts';
import { jobHandlers } from '../../src/jobs/handlers.ts';
import { enqueue, type JobHandlers, runDueJobs } from '../../src/jobs/queue.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

/** The refund job alone: these tests count what it runs (the customer's mail has its own tests). */
const refundJobs = (...args: Parameters<typeof jobHandlers>): JobHandlers => ({
  'refunds.execute': jobHandlers(...args)['refunds.execute'] as JobHandlers[string],
});

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
    const handlers = refundJobs(providerRegistry([flaky]));
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
    await runDueJobs(t.database.db, refundJobs(providerRegistry([refusing])));
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
    const handlers = refundJobs(providerRegistry([moody]));
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
    const handlers = refundJobs(providerRegistry([flaky]));
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

/** A promise resolved by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Fails instead of hanging when `promise` waits on something held elsewhere. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const jobOf = (refundId: string) =>
  t.database.db
    .selectFrom('jobs')
    .select(['id', 'attempts', 'done_at', 'locked_until', 'last_error'])
    .where(sql<boolean>`payload->>'refund_id' = ${refundId}`)
    .executeTakeFirstOrThrow();

describe('the worker leases a job and calls the provider outside any transaction', () => {
  it('leaves the database to others while a provider call is in flight', async () => {
    const answer = deferred<RefundOutcome>();
    const called = deferred<RefundRequest>();
    const slow: PaymentProvider = {
      code: 'slow',
      refund(req) {
        called.resolve(req);
        return answer.promise;
      },
    };
    const handlers = refundJobs(providerRegistry([slow]));
    const { order, ret } = await resolvedReturn('slow');
    const refundId: string = ret.refunds[0].id;
    const worker = runDueJobs(t.database.db, handlers);
    expect((await called.promise).amount).toBe(ret.refunds[0].amount);

    // The job and refund rows the worker once held locked over the call: another transaction locks
    // both without waiting and writes (on PGlite, one connection, it could not even begin).
    const during = await within(
      5000,
      t.database.db.transaction().execute(async (trx) => {
        const job = await sql<{ id: number }>`SELECT id FROM jobs WHERE payload->>'refund_id' = ${refundId}
          FOR UPDATE NOWAIT`.execute(trx);
        const refund = await sql<{ status: string }>`SELECT status FROM refunds WHERE id = ${refundId}
          FOR UPDATE NOWAIT`.execute(trx);
        await trx.updateTable('orders').set({ updated_at: new Date() }).where('id', '=', order.id).execute();
        return { jobs: job.rows.length, status: refund.rows[0]?.status };
      }),
    );
    expect(during).toEqual({ jobs: 1, status: 'pending' });
    const page = await within(5000, t.call('GET', `/api/v1/orders/${order.id}`));
    expect(page.statusCode).toBe(200);
    // Leased, so a second worker leaves it alone.
    const leased = await jobOf(refundId);
    expect(leased.attempts).toBe(1);
    expect(leased.locked_until?.getTime()).toBeGreaterThan(Date.now());
    expect(await within(5000, runDueJobs(t.database.db, handlers))).toBe(0);

    answer.resolve({ status: 'succeeded', reference: 're_slow' });
    expect(await worker).toBe(1);
    const after = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json();
    expect(after.refunds[0]).toMatchObject({ status: 'succeeded', reference: 're_slow' });
    expect(await jobOf(refundId)).toMatchObject({ attempts: 1, locked_until: null, last_error: null });
    expect((await jobOf(refundId)).done_at).not.toBeNull();
  });

  it('takes a job again once its lease ran out, with the same key; the late first answer changes nothing', async () => {
    const stalled = deferred<RefundOutcome>();
    const called = deferred<void>();
    const keys: string[] = [];
    const stalling: PaymentProvider = {
      code: 'stalling',
      refund(req) {
        keys.push(req.idempotency_key);
        if (keys.length > 1) return Promise.resolve({ status: 'succeeded', reference: 're_second' });
        called.resolve();
        return stalled.promise;
      },
    };
    const handlers = refundJobs(providerRegistry([stalling]));
    const { order, ret } = await resolvedReturn('stalling');
    const refundId: string = ret.refunds[0].id;
    // A worker that hangs in the provider call, as one that died there would.
    const first = runDueJobs(t.database.db, handlers, 1);
    await called.promise;
    expect(await runDueJobs(t.database.db, handlers)).toBe(0);
    await t.database.db
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', (await jobOf(refundId)).id)
      .execute();
    expect(await runDueJobs(t.database.db, handlers)).toBe(1);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect((await jobOf(refundId)).attempts).toBe(2);

    // The first worker's provider answers at last, differently: the recorded outcome stands.
    stalled.resolve({ status: 'failed', reference: null, message: 'late' });
    expect(await first).toBe(1);
    const after = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json();
    expect(after.refunds[0]).toMatchObject({ status: 'succeeded', reference: 're_second' });
    expect((await t.call('GET', `/api/v1/orders/${order.id}`)).json().totals.refunded).toBe(
      ret.refunds[0].amount,
    );
    const events = (await t.call('GET', `/api/v1/returns/${ret.id}/events`)).json().data;
    expect(
      events
        .filter((e: { type: string }) => e.type.startsWith('refund_'))
        .map((e: { type: string }) => e.type),
    ).toEqual(['refund_succeeded']);
    expect(await jobOf(refundId)).toMatchObject({ attempts: 2, last_error: null });
  });

  it('leaves a provider that never answers, runs the jobs behind it, and keeps the lease', async () => {
    const hung = deferred<RefundOutcome>();
    const calls: string[] = [];
    const provider: PaymentProvider = {
      code: 'hangs',
      refund(req) {
        calls.push(req.idempotency_key);
        // The first refund's call never comes back; the second one's answers at once.
        return calls.length === 1
          ? hung.promise
          : Promise.resolve({ status: 'succeeded', reference: 're_2' });
      },
    };
    const handlers = refundJobs(providerRegistry([provider]));
    const first = (await resolvedReturn('hangs')).ret.refunds[0].id as string;
    const second = (await resolvedReturn('hangs')).ret.refunds[0].id as string;
    expect(await within(5000, runDueJobs(t.database.db, handlers, 100, 50))).toBe(2);
    const stuck = await jobOf(first);
    expect(stuck).toMatchObject({ attempts: 1, done_at: null, last_error: 'no answer after 0.05 s' });
    expect(stuck.locked_until?.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect((await jobOf(second)).done_at).not.toBeNull();
    // Nothing is taken again while the lease holds, even once the backoff has passed.
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(0) })
      .where('done_at', 'is', null)
      .execute();
    expect(await runDueJobs(t.database.db, handlers, 100, 50)).toBe(0);
    // The late answer is still the truth, and nothing was recorded since: it is recorded.
    hung.resolve({ status: 'succeeded', reference: 're_late' });
    await expect.poll(async () => (await jobOf(first)).done_at).not.toBeNull();
    const refunds = (await t.call('GET', '/api/v1/refunds?limit=200')).json().data;
    expect(refunds.find((r: { id: string }) => r.id === first)).toMatchObject({
      status: 'succeeded',
      provider_reference: 're_late',
    });
    expect(calls).toHaveLength(2);
  });

  it('ignores a late answer to a finished job, even once the refund was sent again', async () => {
    const stalled = deferred<RefundOutcome>();
    const called = deferred<void>();
    let calls = 0;
    const late: PaymentProvider = {
      code: 'late',
      refund() {
        calls++;
        if (calls > 1) return Promise.resolve({ status: 'failed', reference: null, message: 'card expired' });
        called.resolve();
        return stalled.promise;
      },
    };
    const handlers = refundJobs(providerRegistry([late]));
    const { ret } = await resolvedReturn('late');
    const refundId: string = ret.refunds[0].id;
    const first = runDueJobs(t.database.db, handlers, 1);
    await called.promise;
    await t.database.db
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', (await jobOf(refundId)).id)
      .execute();
    expect(await runDueJobs(t.database.db, handlers)).toBe(1);
    const retried = await t.call('POST', `/api/v1/refunds/${refundId}/retry`, {}, { role: 'finance' });
    expect(retried.json().status).toBe('pending');

    stalled.resolve({ status: 'succeeded', reference: 're_late' });
    expect(await first).toBe(1);
    const after = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json();
    expect(after.refunds[0]).toMatchObject({ status: 'pending', reference: null });
    const events = (await t.call('GET', `/api/v1/returns/${ret.id}/events`)).json().data;
    expect(events.map((e: { type: string }) => e.type)).not.toContain('refund_succeeded');
    // The new job's own answer is recorded.
    expect(await runDueJobs(t.database.db, handlers)).toBe(1);
    expect((await t.call('GET', `/api/v1/returns/${ret.id}`)).json().refunds[0].status).toBe('failed');
  });

  it('does not run a job again once its outcome was recorded', async () => {
    let calls = 0;
    const once: PaymentProvider = {
      code: 'once',
      async refund() {
        calls++;
        return { status: 'succeeded', reference: `re_${calls}` };
      },
    };
    const handlers = refundJobs(providerRegistry([once]));
    const { ret } = await resolvedReturn('once');
    const refundId: string = ret.refunds[0].id;
    expect(await runDueJobs(t.database.db, handlers)).toBe(1);
    const job = await jobOf(refundId);
    expect(job.done_at).not.toBeNull();

    // Due again by its times, a finished job stays finished.
    await t.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(0), locked_until: null })
      .where('id', '=', job.id)
      .execute();
    expect(await runDueJobs(t.database.db, handlers)).toBe(0);
    // Even reopened, it sees the refund settled and finishes without calling the provider.
    await t.database.db.updateTable('jobs').set({ done_at: null }).where('id', '=', job.id).execute();
    expect(await runDueJobs(t.database.db, handlers)).toBe(1);
    expect(calls).toBe(1);
    expect((await jobOf(refundId)).done_at).not.toBeNull();
    const after = (await t.call('GET', `/api/v1/returns/${ret.id}`)).json();
    expect(after.refunds[0]).toMatchObject({ status: 'succeeded', reference: 're_1' });
  });

  it('leaves a job of a kind it has no handler for to a worker that has one', async () => {
    await t.database.db.transaction().execute((trx) => enqueue(trx, t.store.id, 'nobody.handles', {}));
    expect(await runDueJobs(t.database.db, refundJobs())).toBe(0);
    const job = await t.database.db
      .selectFrom('jobs')
      .select(['attempts', 'last_error', 'done_at', 'locked_until'])
      .where('kind', '=', 'nobody.handles')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ attempts: 0, last_error: null, done_at: null, locked_until: null });
    let ran = 0;
    expect(
      await runDueJobs(t.database.db, {
        'nobody.handles': async () => {
          ran++;
        },
      }),
    ).toBe(1);
    expect(ran).toBe(1);
  });
});
