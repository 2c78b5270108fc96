// Evidence streams to the file store (not memory, not the database), within a ceiling per type and
// quotas per case and per customer. Real multipart bodies over each limit; the limits are set small
// here (the defaults: 10 MB a photo, 100 MB a video, 200 MB a case, 500 MB a customer).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVIDENCE_LIMITS } from '../../src/domain/evidence-limits.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

const KB = 1024;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const MP4 = Buffer.from('00000018667479706973366d0000020069736f6d69736f32', 'hex');
/** A file of `bytes` that its magic number says is `kind`. */
const file = (kind: 'photo' | 'video', bytes: number) => {
  const head = kind === 'photo' ? PNG : MP4;
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, 7)]);
};

let t: TestApp;
const limits = {
  photoBytes: 100 * KB,
  videoBytes: 300 * KB,
  perCaseBytes: 500 * KB,
  perCustomerBytes: 700 * KB,
  filesPerRequest: 10,
};
beforeAll(async () => {
  t = await createTestApp({ evidenceLimits: limits });
});
afterAll(async () => {
  await t?.close();
});

async function newCase(email = 'quota@example.de') {
  const customer = {
    email,
    name: 'Q',
    phone: null,
    language: 'de',
    time_zone: 'Europe/Berlin',
    segments: [],
  };
  const order = (await t.call('POST', '/api/v1/orders', makeOrder({ customer }))).json();
  const ret = await t.call('POST', '/api/v1/returns', {
    order_id: order.id,
    lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }],
  });
  return ret.json().id as string;
}

function upload(caseId: string, files: { name: string; data: Buffer }[]) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)]), f.name);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/evidence`,
    payload: form,
    headers: { authorization: `Bearer ${t.tokens.owner}` },
  });
}

const storedFiles = () =>
  readdirSync(t.filesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(t.filesDir, d.name)));

describe('evidence files', () => {
  it('keeps the bytes in the file store and only metadata in the database, and serves them back', async () => {
    const caseId = await newCase('store@example.de');
    const video = file('video', 250 * KB);
    const res = await upload(caseId, [{ name: 'unboxing.mp4', data: video }]);
    expect(res.statusCode, res.body).toBe(201);
    const [saved] = res.json().data;
    expect(saved).toMatchObject({ filename: 'unboxing.mp4', content_type: 'video/mp4', size: video.length });
    const row = await t.database.db
      .selectFrom('case_evidence')
      .select(['data', 'storage_key'])
      .where('id', '=', saved.id)
      .executeTakeFirstOrThrow();
    expect(row.data).toBeNull();
    expect(storedFiles()).toContain(row.storage_key);
    const back = await t.call('GET', `/api/v1/cases/${caseId}/evidence/${saved.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('video/mp4');
    expect(Buffer.compare(back.rawPayload, video)).toBe(0);
  });

  it('refuses a photo over the photo ceiling that a video of its size would pass, and keeps nothing', async () => {
    const caseId = await newCase('ceiling@example.de');
    const before = storedFiles().length;
    const res = await upload(caseId, [{ name: 'big.png', data: file('photo', 150 * KB) }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large', errors: [{ path: 'file' }] });
    expect(res.json().detail).toMatch(/image\/png/);
    expect(storedFiles()).toHaveLength(before);
    expect((await t.call('GET', `/api/v1/cases/${caseId}/evidence`)).json().data).toEqual([]);
  });

  it('stops a file over every ceiling while it streams', async () => {
    const caseId = await newCase('huge@example.de');
    const res = await upload(caseId, [{ name: 'huge.mp4', data: file('video', 400 * KB) }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
    expect((await t.call('GET', `/api/v1/cases/${caseId}/evidence`)).json().data).toEqual([]);
  });

  it('holds a quota per case, across requests and within one', async () => {
    const caseId = await newCase('case-quota@example.de');
    expect((await upload(caseId, [{ name: 'a.mp4', data: file('video', 280 * KB) }])).statusCode).toBe(201);
    const before = storedFiles().length;
    const both = await upload(caseId, [
      { name: 'b.png', data: file('photo', 90 * KB) },
      { name: 'c.mp4', data: file('video', 200 * KB) },
    ]);
    expect(both.statusCode).toBe(413);
    expect(both.json().detail).toMatch(/No room left/);
    expect(storedFiles()).toHaveLength(before);
    const list = (await t.call('GET', `/api/v1/cases/${caseId}/evidence`)).json().data;
    expect(list.map((e: { filename: string }) => e.filename)).toEqual(['a.mp4']);
    expect((await upload(caseId, [{ name: 'd.png', data: file('photo', 90 * KB) }])).statusCode).toBe(201);
  });

  it('holds a quota per customer across their cases', async () => {
    const first = await newCase('customer-quota@example.de');
    const second = await newCase('customer-quota@example.de');
    expect((await upload(first, [{ name: 'a.mp4', data: file('video', 290 * KB) }])).statusCode).toBe(201);
    expect((await upload(first, [{ name: 'b.mp4', data: file('video', 190 * KB) }])).statusCode).toBe(201);
    expect((await upload(second, [{ name: 'c.mp4', data: file('video', 200 * KB) }])).statusCode).toBe(201);
    const over = await upload(second, [{ name: 'd.mp4', data: file('video', 50 * KB) }]);
    expect(over.statusCode).toBe(413);
    expect(over.json().detail).toMatch(/No room left/);
  });

  it('still serves a file stored in the database before the file store existed', async () => {
    const caseId = await newCase('legacy@example.de');
    const id = '00000000-0000-4000-8000-00000000e1d0';
    await t.database.db
      .insertInto('case_evidence')
      .values({
        store_id: t.store.id,
        id,
        case_id: caseId,
        line_id: null,
        filename: 'old.png',
        content_type: 'image/png',
        size: PNG.length,
        sha256: 'x',
        data: PNG,
        storage_key: null,
      })
      .execute();
    const back = await t.call('GET', `/api/v1/cases/${caseId}/evidence/${id}`);
    expect(back.statusCode).toBe(200);
    expect(Buffer.compare(back.rawPayload, PNG)).toBe(0);
  });

  it('has defaults a phone video fits in', () => {
    expect(DEFAULT_EVIDENCE_LIMITS).toMatchObject({
      photoBytes: 10 * 1024 * KB,
      videoBytes: 100 * 1024 * KB,
      perCaseBytes: 200 * 1024 * KB,
    });
  });
});
