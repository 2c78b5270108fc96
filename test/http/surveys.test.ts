// Satisfaction surveys: sent some days after a case is resolved, answered in the portal through the
// signed link; a low score opens a case for the team; CSAT by week, reason, product and agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPortalToken } from '../../src/features/portal/portal-token.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function resolvedInquiry() {
  const order = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
  const c = await t.call(
    'POST',
    '/api/v1/cases',
    {
      kind: 'inquiry',
      order_id: order.id,
      data: { subject: 'Size?', message: 'Does M fit a 1.80 m person?' },
    },
    { headers: { 'idempotency-key': `inq-${order.id}` } },
  );
  expect(c.statusCode, c.body).toBe(201);
  const resolved = await t.call(
    'POST',
    `/api/v1/cases/${c.json().id}/resolve`,
    { resolution: { type: 'none', message: 'M fits; the sleeves are long.' } },
    { headers: { 'idempotency-key': `res-${order.id}` } },
  );
  expect(resolved.statusCode, resolved.body).toBe(200);
  return { order, caseId: c.json().id as string };
}

async function statusLink(orderId: string) {
  const row = await t.database.db
    .selectFrom('orders as o')
    .innerJoin('stores as s', 's.id', 'o.store_id')
    .innerJoin('customers as cu', 'cu.id', 'o.customer_id')
    .select(['s.portal_secret', 'o.portal_generation', 'cu.email'])
    .where('o.id', '=', orderId)
    .executeTakeFirstOrThrow();
  const { token } = await signPortalToken(
    {
      store_id: t.store.id,
      order_id: orderId,
      email: row.email,
      generation: row.portal_generation,
      scope: 'status',
    },
    row.portal_secret,
  );
  return token;
}

describe('satisfaction surveys', () => {
  it('asks three days after a case is resolved, at the customer’s daytime, with a link to the portal', async () => {
    const { caseId } = await resolvedInquiry();
    const out = (await t.call('GET', `/api/v1/cases/${caseId}/messages`)).json().data;
    const survey = out.find((m: { template: string }) => m.template === 'survey');
    expect(survey).toMatchObject({ status: 'held', direction: 'out', language: 'de' });
    expect(survey.action).toMatchObject({ kind: 'survey', path: `survey/${caseId}` });
    const wait = Date.parse(survey.send_after) - Date.now();
    expect(wait).toBeGreaterThan(3 * 86_400_000 - 60_000);
    expect(wait).toBeLessThan(4 * 86_400_000);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      hour12: false,
    }).format(new Date(survey.send_after));
    expect(Number(local)).toBeGreaterThanOrEqual(8);
    expect(Number(local)).toBeLessThan(20);
  });

  it('takes one answer; a 2 opens a high-priority case for the team with the comment', async () => {
    const { order, caseId } = await resolvedInquiry();
    const token = await statusLink(order.id);
    const headers = { 'x-portal-token': token };
    const before = await t.call('GET', `/api/v1/portal/surveys/${caseId}`, undefined, {
      token: null,
      headers,
    });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ case_id: caseId, score: null, answered_at: null });
    const answer = await t.call(
      'POST',
      `/api/v1/portal/surveys/${caseId}`,
      { score: 2, comment: 'The answer came far too late.' },
      { token: null, headers },
    );
    expect(answer.statusCode, answer.body).toBe(201);
    const followUp = answer.json().follow_up_case_id;
    expect(typeof followUp).toBe('string');
    const c = (await t.call('GET', `/api/v1/cases/${followUp}`)).json();
    expect(c).toMatchObject({ kind: 'inquiry', status: 'open', order_id: order.id });
    expect(c.data).toMatchObject({ source: 'survey', survey_case_id: caseId, score: 2 });
    const msgs = (await t.call('GET', `/api/v1/cases/${followUp}/messages`)).json().data;
    expect(msgs.find((m: { direction: string }) => m.direction === 'in')?.body).toBe(
      'The answer came far too late.',
    );
    const listed = (await t.call('GET', '/api/v1/cases?kind=inquiry&status=open')).json().data;
    expect(listed.map((x: { id: string }) => x.id)).toContain(followUp);
    const again = await t.call(
      'POST',
      `/api/v1/portal/surveys/${caseId}`,
      { score: 5 },
      { token: null, headers },
    );
    expect(again.statusCode).toBe(409);
    // a good score opens nothing
    const second = await resolvedInquiry();
    const good = await t.call(
      'POST',
      `/api/v1/portal/surveys/${second.caseId}`,
      { score: 5 },
      { token: null, headers: { 'x-portal-token': await statusLink(second.order.id) } },
    );
    expect(good.json()).toMatchObject({ score: 5, follow_up_case_id: null });
    // another order's link does not open this survey
    const other = await t.call('GET', `/api/v1/portal/surveys/${caseId}`, undefined, {
      token: null,
      headers: { 'x-portal-token': await statusLink(second.order.id) },
    });
    expect(other.statusCode).toBe(404);

    const byReason = (await t.call('GET', '/api/v1/analytics/csat?group=reason')).json();
    expect(byReason.overall).toMatchObject({ responses: 2, average: 3.5, csat: 50 });
    expect(byReason.data).toEqual([{ key: 'inquiry', label: null, responses: 2, average: 3.5, csat: 50 }]);
    const byWeek = (await t.call('GET', '/api/v1/analytics/csat?group=week')).json();
    expect(byWeek.data).toHaveLength(1);
    expect(byWeek.data[0].responses).toBe(2);
  });

  it('sends no survey when the store switched them off', async () => {
    const put = await t.call('PUT', '/api/v1/notifications/settings', { survey_after_days: null });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ survey_after_days: null, daytime: { from: '08:00', to: '20:00' } });
    const { caseId } = await resolvedInquiry();
    const out = (await t.call('GET', `/api/v1/cases/${caseId}/messages`)).json().data;
    expect(out.some((m: { template: string }) => m.template === 'survey')).toBe(false);
    await t.call('PUT', '/api/v1/notifications/settings', { survey_after_days: 3 });
  });
});
