import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

// A real 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let t: TestApp;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  const o = (await t.call('POST', '/api/v1/orders', makeOrder())).json();
  caseId = (
    await t.call('POST', '/api/v1/returns', {
      order_id: o.id,
      lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }],
    })
  ).json().id;
});
afterAll(async () => {
  await t?.close();
});

function upload(
  files: { name: string; data: Buffer; type: string }[],
  lineId?: string,
  role: 'owner' | 'warehouse' | 'finance' = 'owner',
) {
  const form = new FormData();
  if (lineId) form.append('line_id', lineId);
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/evidence`,
    payload: form,
    headers: { authorization: `Bearer ${t.tokens[role]}` },
  });
}

describe('evidence', () => {
  it('stores a photo by its bytes and serves it back', async () => {
    const res = await upload([{ name: 'crack.png', data: PNG, type: 'image/png' }], 'L1');
    expect(res.statusCode, res.body).toBe(201);
    const [saved] = res.json().data;
    expect(saved).toMatchObject({ filename: 'crack.png', content_type: 'image/png', size: PNG.length });
    const list = (await t.call('GET', `/api/v1/cases/${caseId}/evidence`)).json().data;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: saved.id, line_id: 'L1', sha256: saved.sha256 });
    const file = await t.call('GET', `/api/v1/cases/${caseId}/evidence/${saved.id}`);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses a text file dressed up as a JPEG, and stores nothing', async () => {
    const res = await upload([
      { name: 'photo.jpg', data: Buffer.from('just some words, not a picture'), type: 'image/jpeg' },
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media');
    expect((await t.call('GET', `/api/v1/cases/${caseId}/evidence`)).json().data).toHaveLength(1);
  });

  it('refuses an upload without a file, a JSON body, and a role that may not add evidence', async () => {
    // the warehouse photographs what it inspects; finance adds no evidence
    expect(
      (await upload([{ name: 'inspection.png', data: PNG, type: 'image/png' }], 'L1', 'warehouse'))
        .statusCode,
    ).toBe(201);
    const empty = await upload([], 'L1');
    expect(empty.statusCode).toBe(400);
    const json = await t.call('POST', `/api/v1/cases/${caseId}/evidence`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(
      (await upload([{ name: 'a.png', data: PNG, type: 'image/png' }], undefined, 'finance')).statusCode,
    ).toBe(403);
  });
});
