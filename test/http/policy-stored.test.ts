// A stored policy version that no longer parses must never take the store down: versions are never
// edited, so one bad row would otherwise answer 500 on every read for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyVersions } from '../../src/features/policy/policy.queries.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('blank segment names', () => {
  it('are refused when the policy is written, with the path', async () => {
    const before = (await t.call('GET', '/api/v1/policy/versions')).json().data.length;
    for (const [body, path] of [
      [{ auto_approve: { exclude_segments: [' '] } }, 'auto_approve.exclude_segments.0'],
      [
        { rules: [{ when: { segments: ['vip', '\t'] }, then: { window_days: 5 } }] },
        'rules.0.when.segments.1',
      ],
      [{ rules: [{ when: { tags: ['  '] }, then: { window_days: 5 } }] }, 'rules.0.when.tags.0'],
    ] as const) {
      const res = await t.call('PUT', '/api/v1/policy', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('invalid_request');
      expect(res.json().errors[0].path).toBe(path);
    }
    expect((await t.call('GET', '/api/v1/policy/versions')).json().data).toHaveLength(before);
  });
});

describe('a stored version that no longer parses', () => {
  it('leaves every route answering, reading the version without its broken parts', async () => {
    const order = (await t.call('POST', '/api/v1/orders', makeOrder({ number: 'BAD-POLICY-1' }))).json();
    const saved = await t.call('PUT', '/api/v1/policy', { change_of_mind: { window_days: 40 } });
    expect(saved.statusCode).toBe(200);
    // As a version saved before lengths were checked after trimming was stored.
    await t.database.db
      .insertInto('policies')
      .values({
        store_id: t.store.id,
        version: saved.json().version + 1,
        document: JSON.stringify({
          change_of_mind: { window_days: 45 },
          auto_approve: { exclude_segments: ['', 'flagged'] },
          rules: [{ when: { segments: [''] }, then: { window_days: 1 } }],
        }),
        created_by: 'test',
      })
      .execute();

    const policy = await t.call('GET', '/api/v1/policy');
    expect(policy.statusCode, policy.body).toBe(200);
    expect(policy.json()).toMatchObject({
      version: saved.json().version + 1,
      change_of_mind: { window_days: 45 },
      auto_approve: { exclude_segments: ['flagged'] },
      rules: [],
    });
    const versions = await t.call('GET', '/api/v1/policy/versions');
    expect(versions.statusCode).toBe(200);
    expect(versions.json().data[0].version).toBe(saved.json().version + 1);

    const eligibility = await t.call('POST', `/api/v1/orders/${order.id}/eligibility`, {});
    expect(eligibility.statusCode, eligibility.body).toBe(200);
    expect(eligibility.json().policy_version).toBe(saved.json().version + 1);
    const ret = await t.call('POST', '/api/v1/returns', {
      order_id: order.id,
      lines: [{ line_id: 'L1', quantity: 1 }],
    });
    expect(ret.statusCode, ret.body).toBe(201);
    const store = await t.app.inject({ method: 'GET', url: '/api/v1/portal/stores/test-store' });
    expect(store.statusCode).toBe(200);
    expect(store.json().return_methods).toEqual(['label', 'drop_off']);

    // What GET answers can still be PUT back, and then parses without leaving anything out.
    const again = await t.call('PUT', '/api/v1/policy', policy.json());
    expect(again.statusCode, again.body).toBe(200);
  });

  it('reads every version ever saved', async () => {
    const rows = await t.database.db
      .selectFrom('policies')
      .select('version')
      .where('store_id', '=', t.store.id)
      .execute();
    const read = await policyVersions(t.database.db, t.store.id);
    expect(read.map((v) => v.version).sort()).toEqual(rows.map((r) => r.version).sort());
    expect(read.filter((v) => v.skipped.length).map((v) => v.skipped)).toEqual([
      ['auto_approve.exclude_segments.0', 'rules.0'],
    ]);
  });
});
