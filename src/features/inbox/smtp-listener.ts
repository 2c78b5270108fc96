// For stores that forward their support address: an SMTP listener (AFTERSALE_SMTP_LISTEN=host:port)
// that takes each message as POST /api/v1/inbound/email does. The store is the one whose slug is
// the recipient's local part or its +tag (returns+my-shop@…, my-shop@…), or the only store there
// is. A message it cannot place is refused in the SMTP dialogue (5xx), so the forwarding server
// keeps it and tells its sender, rather than it vanishing here.
import type { AddressInfo } from 'node:net';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { requireModule } from '../../integrations/lazy.ts';
import type { EvidenceDeps } from '../cases/evidence.ts';
import { type Classifier, receiveEmail } from './inbound-email.ts';
import { MAX_INBOUND_BYTES } from './inbox.routes.ts';

async function storeFor(database: Database, recipients: string[]) {
  const candidates = recipients.flatMap((r) => {
    const local = (r.split('@')[0] ?? '').toLowerCase();
    const tag = local.includes('+') ? local.slice(local.indexOf('+') + 1) : null;
    return tag ? [tag, local] : [local];
  });
  if (candidates.length) {
    const hit = await database.db
      .selectFrom('stores')
      .select('id')
      .where('slug', 'in', candidates)
      .executeTakeFirst();
    if (hit) return hit.id;
  }
  const stores = await database.db.selectFrom('stores').select('id').limit(2).execute();
  return stores.length === 1 ? stores[0]?.id : undefined;
}

export async function startSmtpListener(
  database: Database,
  deps: EvidenceDeps & { classify: Classifier },
  listen: { host: string; port: number },
  log: (err: unknown, msg: string) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  // loaded here, when the listener is asked for, not at every start (lazy.ts)
  const { SMTPServer } = requireModule('smtp-server') as typeof import('smtp-server');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_INBOUND_BYTES,
    logger: false,
    banner: 'Aftersale inbound mail',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const fail = (code: number, message: string) => {
          const err = new Error(message) as Error & { responseCode: number };
          err.responseCode = code;
          callback(err);
        };
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) return fail(552, 'Message too large');
        const raw = Buffer.concat(chunks);
        void (async () => {
          const storeId = await storeFor(
            database,
            session.envelope.rcptTo.map((r) => r.address),
          );
          if (!storeId) return fail(550, 'No store takes mail at this address');
          await receiveEmail(database, deps, { storeId, role: 'agent', label: 'system:smtp_inbound' }, raw);
          callback();
        })().catch((err: unknown) => {
          if (err instanceof AppError) return fail(550, err.message.slice(0, 300));
          log(err, 'inbound mail');
          fail(451, 'Temporary failure, try again later');
        });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  server.on('error', (err) => log(err, 'smtp listener'));
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
