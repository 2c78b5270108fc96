// The web app's files: the portal and the console each get their own page, and hashed assets go out
// precompressed as the browser accepts them, cached for a year.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeb } from '../../src/http/web.ts';
import { compressDir } from '../../web/precompress.ts';

const dist = mkdtempSync(join(tmpdir(), 'aftersale-web-'));
const app = Fastify();
const script = `export const words = ${JSON.stringify('return '.repeat(500))};\n`;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<title>console</title>');
  writeFileSync(join(dist, 'portal.html'), '<title>portal</title>');
  writeFileSync(join(dist, 'assets', 'portal-abc123.js'), script);
  writeFileSync(join(dist, 'assets', 'tiny-abc123.js'), 'export {};\n');
  expect(compressDir(dist)).toBe(1); // the tiny file is not worth it
  await registerWeb(app, { distDir: dist });
});
afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the web app', () => {
  it('serves the portal page under /returns and the console page under /console', async () => {
    const portal = await app.inject({ url: '/returns/demo/order' });
    expect(portal.body).toBe('<title>portal</title>');
    expect(portal.headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/console/queues/review' })).body).toBe('<title>console</title>');
  });

  it('sends brotli or gzip as the browser accepts, the same bytes, cached for a year', async () => {
    const url = '/assets/portal-abc123.js';
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);

    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });
});
