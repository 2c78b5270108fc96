// A local HTTP stand-in for an outside provider: the official client is pointed at it, it answers
// with recorded payloads and keeps what it was sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface StandIn {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startStandIn(
  handle: (req: Received, res: ServerResponse) => unknown,
): Promise<StandIn> {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const r = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
    received.push(r);
    await handle(r, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
