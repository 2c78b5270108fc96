// The real server (src/main.ts start) on a random port, with a fresh PGlite folder and the demo
// store, as `npm start` runs it. The owner token arranges the scene the browser then works in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { start } from '../../src/main.ts';

export interface RunningServer {
  url: string;
  /** the demo store's owner token, for arranging what the browser will see */
  ownerToken: string;
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersale-browser-'));
  // Not process.env: the browser journey always runs on its own embedded database.
  const config = loadConfig({
    AFTERSALE_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // the journeys arrange parcels past their threshold and let the customer report them; a scan
    // five seconds after start would open those cases first, whenever a page happened to load late
    AFTERSALE_SHIPMENT_SCAN_MINUTES: '0',
  });
  const running = await start(config);
  const ownerToken = running.boot.demoToken;
  if (!ownerToken) throw new Error('The demo seed printed no owner token');
  const url = running.url.replace('localhost', '127.0.0.1');

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ownerToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : null,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  return {
    url,
    ownerToken,
    api,
    async stop() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
