// A queue's bulk actions (approve, assign) and its CSV export.
import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
const ids: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  // flagged customers' returns wait for a person
  for (const [i, name] of ['Ana Flag', 'Bo Flag', 'Cy Flag'].entries()) {
    const o = await t.call(
      'POST',
      '/api/v1/orders',
      makeOrder({
        number: `BULK-${i}`,
        customer: {
          email: `bulk${i}@example.de`,
          name,
          language: 'de',
          time_zone: 'Europe/Berlin',
          segments: ['flagged'],
        },
      }),
    );
    const r = await t.call('POST', '/api/v1/returns', {
      order_id: o.json().id,
      lines: [{ line_id: 'L1', quantity: 1 }],
    });
    expect(r.json().status).toBe('requested');
    ids.push(r.json().id);
  }
});
afterAll(async () => {
  await t?.close();
});

describe('bulk actions', () => {
  it('approves many at once and reports, per return, what could not move', async () => {
    const first = await t.call('POST', '/api/v1/returns/bulk', {
      ids: [ids[0]],
      action: { action: 'approve' },
    });
    expect(first.json().data).toEqual([{ id: ids[0], ok: true }]);
    const unknown = '00000000-0000-4000-8000-000000000042';
    const res = await t.call('POST', '/api/v1/returns/bulk', {
      ids: [...ids, unknown],
      action: { action: 'approve' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.map((r: { ok: boolean; code?: string }) => [r.ok, r.code ?? null])).toEqual([
      [false, 'illegal_transition'],
      [true, null],
      [true, null],
      [false, 'not_found'],
    ]);
    const statuses = await Promise.all(
      ids.map(async (id) => (await t.call('GET', `/api/v1/returns/${id}`)).json().status),
    );
    expect(statuses).toEqual(['approved', 'approved', 'approved']);
  });

  it('assigns many to a colleague, and refuses a role that may not act at all', async () => {
    const staff = await t.database.db
      .insertInto('users')
      .values({
        store_id: t.store.id,
        id: crypto.randomUUID(),
        email: 'aiko@example.com',
        name: 'Aiko',
        role: 'agent',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await t.call('POST', '/api/v1/returns/bulk', {
      ids: ids.slice(0, 2),
      action: { action: 'assign', user_id: staff.id },
    });
    expect(res.json().data.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const mine = (await t.call('GET', `/api/v1/returns?assignee=${staff.id}`))
      .json()
      .data.map((r: { id: string }) => r.id);
    expect(mine.sort()).toEqual(ids.slice(0, 2).sort());
    const warehouse = await t.call(
      'POST',
      '/api/v1/returns/bulk',
      { ids, action: { action: 'approve' } },
      { role: 'warehouse' },
    );
    expect([warehouse.statusCode, warehouse.json().code]).toEqual([403, 'forbidden']);
    const readOnly = await t.call(
      'POST',
      '/api/v1/returns/bulk',
      { ids, action: { action: 'assign', user_id: null } },
      { role: 'read_only' },
    );
    expect(readOnly.statusCode).toBe(403);
    const bad = await t.call('POST', '/api/v1/returns/bulk', { ids: [], action: { action: 'approve' } });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid_request']);
  });
});

describe('labels in a batch', () => {
  it('issues labels for many and prints them as one PDF, page for page', async () => {
    const issued = await t.call(
      'POST',
      '/api/v1/returns/bulk',
      { ids, action: { action: 'label' } },
      { role: 'warehouse' },
    );
    expect(issued.json().data.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true]);
    const one = await t.call('GET', `/api/v1/returns/${ids[0]}/label.pdf`);
    const pagesOfOne = (await PDFDocument.load(one.rawPayload)).getPageCount();
    const batch = await t.call('GET', `/api/v1/returns/labels.pdf?ids=${ids.join(',')}`, undefined, {
      role: 'warehouse',
    });
    expect(batch.statusCode).toBe(200);
    expect(batch.headers['content-type']).toBe('application/pdf');
    expect((await PDFDocument.load(batch.rawPayload)).getPageCount()).toBe(3 * pagesOfOne);
    const ro = await t.call('GET', `/api/v1/returns/labels.pdf?ids=${ids[0]}`, undefined, {
      role: 'read_only',
    });
    expect(ro.statusCode).toBe(403);
    const none = await t.call('GET', '/api/v1/returns/labels.pdf?ids=00000000-0000-4000-8000-000000000042');
    expect([none.statusCode, none.json().code]).toEqual([404, 'not_found']);
  });
});

describe('CSV export', () => {
  it('exports the filtered queue with one row per return, amounts in major units', async () => {
    const res = await t.call('GET', '/api/v1/returns/export.csv?status=approved&q=flag');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="returns-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.customer_name).sort()).toEqual(['Ana Flag', 'Bo Flag', 'Cy Flag']);
    const ana = rows.find((r) => r.customer_name === 'Ana Flag');
    const view = (await t.call('GET', `/api/v1/returns/${ids[0]}`)).json();
    expect(ana).toMatchObject({
      rma: view.rma,
      status: 'approved',
      country: 'DE',
      items: '1 x JUMPER-M-BLUE',
      currency: 'EUR',
      refund_total: (view.refund.total / 100).toFixed(2),
      assignee: 'Aiko',
    });
    const none = await t.call('GET', '/api/v1/returns/export.csv?status=completed');
    expect(
      none.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
    expect(none.body).toContain('rma,status,requested_at');
  });
});
