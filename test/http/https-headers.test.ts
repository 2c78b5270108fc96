// The console must load over plain HTTP on a LAN address: the CSP's upgrade-insecure-requests and
// HSTS are sent only when the public address is HTTPS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { buildApp } from '../../src/http/app.ts';
import { openTestDatabase } from '../db.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function headersFor(publicUrl: string) {
  const app = await buildApp({ database, publicUrl });
  try {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    return res.headers;
  } finally {
    await app.close();
  }
}

describe('security headers by the public address', () => {
  it('sends neither upgrade-insecure-requests nor HSTS over plain HTTP', async () => {
    const h = await headersFor('http://192.168.1.20:3000');
    expect(String(h['content-security-policy'])).toContain("default-src 'self'");
    expect(String(h['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(h['strict-transport-security']).toBeUndefined();
  });

  it('sends both when the public address is HTTPS', async () => {
    const h = await headersFor('https://returns.example.com');
    expect(String(h['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect(String(h['strict-transport-security'])).toMatch(/max-age=\d+/);
  });
});
