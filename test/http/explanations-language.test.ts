// The customer reads explanations in their language with citations by their official title there;
// staff read the same return in the console's language.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
let returnId: string;
beforeAll(async () => {
  t = await createTestApp();
  const order = await t.call('POST', '/api/v1/orders', makeOrder());
  const ret = await t.call(
    'POST',
    '/api/v1/returns',
    {
      order_id: order.json().id,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'changed_mind' }],
      resolution: { type: 'refund' },
      method: 'label',
    },
    { headers: { 'idempotency-key': 'lang-1' } },
  );
  expect(ret.statusCode, ret.body).toBe(201);
  returnId = ret.json().id;
});
afterAll(async () => {
  await t?.close();
});

type Expl = { code: string; message: string; source: string; source_label: string };
const floorOf = (body: { lines: { explanations: Expl[] }[] }) =>
  body.lines[0]?.explanations.find((e) => e.code === 'legal_floor');

it('answers the German customer in German, citing the Richtlinie', async () => {
  const de = floorOf((await t.call('GET', `/api/v1/returns/${returnId}`)).json());
  expect(de?.message).toContain('Tage');
  expect([de?.source, de?.source_label]).toEqual([
    'Directive 2011/83/EU art. 9',
    'Richtlinie 2011/83/EU Art. 9',
  ]);
});

it('tells staff the same explanations in the console language', async () => {
  const en = floorOf(
    (await t.call('GET', `/api/v1/returns/${returnId}?language=en&time_zone=Asia/Tokyo`)).json(),
  );
  expect(en?.message).toContain('14 days');
  expect(en?.source_label).toBe('Directive 2011/83/EU art. 9');
  const ja = floorOf((await t.call('GET', `/api/v1/returns/${returnId}?language=ja`)).json());
  expect(ja?.source_label).toBe('EU指令2011/83/EU第9条');
  const bad = await t.call('GET', `/api/v1/returns/${returnId}?language=en&time_zone=Mars/Olympus`);
  expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid_request']);
});

it('names who acted on the timeline: the API token by its name, the system rule by what it was', async () => {
  const events = (await t.call('GET', `/api/v1/returns/${returnId}/events`)).json().data as {
    type: string;
    actor: string;
    actor_view: unknown;
  }[];
  expect(events.map((e) => [e.type, e.actor_view])).toEqual([
    ['requested', { kind: 'token', name: 'owner' }],
    ['approved', { kind: 'system', rule: 'auto_approve' }],
  ]);
});
