// Malformed requests, each answered as problem JSON with a 4xx, never a 500 or Fastify's own body:
// the classes found by probing the API as an attacker would.
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { makeOrder } from '../builders.ts';

let t: TestApp;
let caseId: string;
let portalToken: string;
beforeAll(async () => {
  t = await createTestApp();
  const order = (await t.call('POST', '/api/v1/orders', makeOrder({ number: 'BAD-IN-1' }))).json();
  const lookup = await t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/stores/test-store/lookup',
    payload: { order_number: 'BAD-IN-1', email: order.customer.email },
  });
  portalToken = lookup.json().token;
  caseId = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/returns',
      payload: { lines: [{ line_id: 'L1', quantity: 1, reason: 'defective' }] },
      headers: { 'x-portal-token': portalToken },
    })
  ).json().id;
});
afterAll(async () => {
  await t?.close();
});

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body);
  expect(body.status).toBe(status);
  expect(body.code).toBeTypeOf('string');
  return body as { code: string; errors?: { path: string }[] };
}

describe('multipart that cannot be read', () => {
  const broken = [
    ['no boundary', 'multipart/form-data', 'hello'],
    ['a boundary that never comes', 'multipart/form-data; boundary=XYZ', 'not a multipart body at all'],
    [
      'a part cut short',
      'multipart/form-data; boundary=XYZ',
      '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
    ],
  ] as const;
  it.each(broken)('is a 400 on the staff evidence route: %s', async (_name, type, payload) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/evidence`,
      payload,
      headers: { authorization: `Bearer ${t.tokens.owner}`, 'content-type': type },
    });
    expect(expectProblem(res, 400).code).toBe('invalid_request');
  });
  it.each(broken)('is a 400 on the portal evidence route: %s', async (_name, type, payload) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/portal/returns/${caseId}/evidence`,
      payload,
      headers: { 'x-portal-token': portalToken, 'content-type': type },
    });
    expect(expectProblem(res, 400).code).toBe('invalid_request');
  });
});

describe('values too long for an index', () => {
  it('refuses a 3,000-character email, name, tracking number or address line with the path', async () => {
    const long = 'x'.repeat(3000);
    const base = makeOrder();
    const cases: [Record<string, unknown>, string][] = [
      [{ customer: { ...(base.customer as object), email: `${long}@example.de` } }, 'customer.email'],
      [{ customer: { ...(base.customer as object), name: long } }, 'customer.name'],
      [{ shipping_address: { ...(base.shipping_address as object), line1: long } }, 'shipping_address.line1'],
      [
        { fulfillments: [{ ...(base.fulfillments as object[])[0], tracking_number: long }] },
        'fulfillments.0.tracking_number',
      ],
      [{ payments: [{ provider: 'manual', reference: long, amount: 100 }] }, 'payments.0.reference'],
    ];
    for (const [over, path] of cases) {
      const res = await t.call('POST', '/api/v1/orders', { ...base, ...over });
      const body = expectProblem(res, 400);
      expect(body.code).toBe('invalid_request');
      expect(body.errors?.map((e) => e.path)).toContain(path);
    }
  });
});

describe('deeply nested JSON', () => {
  it('refuses terms nested 4,500 levels before anything reads it', async () => {
    const terms = `${'{"a":'.repeat(4500)}1${'}'.repeat(4500)}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/suppliers',
      payload: `{"suppliers":[{"code":"S-DEEP","name":"Deep","terms":${terms}}]}`,
      headers: { authorization: `Bearer ${t.tokens.owner}`, 'content-type': 'application/json' },
    });
    const body = expectProblem(res, 400);
    expect(body.code).toBe('invalid_request');
    expect(res.json().detail).toMatch(/nest/);
    const list = (await t.call('GET', '/api/v1/suppliers')).json().data;
    expect(list.map((s: { code: string }) => s.code)).not.toContain('S-DEEP');
  });

  it('still takes ordinary nesting, and a string full of brackets', async () => {
    const res = await t.call('POST', '/api/v1/suppliers', {
      suppliers: [
        {
          code: 'S-OK',
          name: '[[[[{{{{ not nesting ]]]',
          terms: {
            currency: 'EUR',
            evidence: ['photos'],
            sku_overrides: { '[[{{': { evidence: ['photos', 'video'], reasons: 'any' } },
          },
        },
      ],
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  });
});

describe('errors raised before a route runs', () => {
  it('answers a bad percent-encoding with problem JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/orders/%E0%A4%A' });
    expect(expectProblem(res, 400).code).toBe('invalid_request');
  });

  it('answers a path parameter over 100 characters with problem JSON', async () => {
    const res = await t.call('GET', `/api/v1/orders/${'a'.repeat(150)}`);
    expect(expectProblem(res, 414).code).toBe('uri_too_long');
  });

  it('answers a body that does not match its Content-Length with problem JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: '{"email":"a@b.c","password":"x"}',
      headers: { 'content-type': 'application/json', 'content-length': '5' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  });

  describe('on a real socket', () => {
    let port = 0;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as AddressInfo).port;
    });
    const raw = (request: string) =>
      new Promise<{ head: string; body: string }>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
        let out = '';
        socket.on('data', (d) => {
          out += d.toString('latin1');
        });
        socket.on('close', () => {
          const at = out.indexOf('\r\n\r\n');
          resolve({ head: out.slice(0, at), body: out.slice(at + 4) });
        });
        socket.on('error', reject);
      });

    it('answers a URL over 16 KB with a problem (431)', async () => {
      const res = await raw(`GET /api/v1/orders?q=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(res.head).toMatch(/^HTTP\/1.1 431 /);
      expect(res.head).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'headers_too_large' });
    });

    it('answers bytes after the declared Content-Length with a problem (400)', async () => {
      const res = await raw(
        'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3\r\n\r\n{"a":1}',
      );
      expect(res.head).toMatch(/^HTTP\/1.1 400 /);
      expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'invalid_request' });
    });
  });
});
