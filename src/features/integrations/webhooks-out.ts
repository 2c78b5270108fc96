// Signed webhooks out, per the Standard Webhooks convention (standardwebhooks.com): headers
// `webhook-id` (the event's id: receivers dedupe on it), `webhook-timestamp` (unix seconds) and
// `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed with the
// base64 part of the endpoint's `whsec_…` secret. An event the store's systems act on becomes one
// job per subscribed endpoint, written in the transaction of the change. A failed send is tried
// again with exponential backoff for a day; an endpoint that failed for a whole day is disabled,
// with the reason shown in the console. Every attempt is logged with the event, for a manual replay.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB, Tx } from '../../db/schema.ts';
import type { SecretBox } from '../../integrations/secret-box.ts';
import { enqueue, type JobHandler } from '../../jobs/queue.ts';

/** Case events that leave the house, by the topic the store subscribes to. */
export const OUTBOUND_TOPICS: Readonly<Record<string, string>> = {
  requested: 'return.created',
  approved: 'return.approved',
  received: 'return.received',
  received_more: 'return.received',
  settled: 'return.settled',
  opened: 'case.created',
  resolved: 'case.resolved',
  fulfillment_stop_requested: 'fulfillment.stop_requested',
  address_changed: 'order.address_changed',
  intercept_requested: 'parcel.intercept_requested',
  replacement_created: 'replacement.created',
  refund_succeeded: 'refund.succeeded',
  refund_failed: 'refund.failed',
  // a restocked or refurbished unit for the store's inventory system to put on a shelf
  stock_put_away_due: 'inventory.put_away',
};
export const TOPICS = [...new Set(Object.values(OUTBOUND_TOPICS))].sort();

export interface OutboundEvent {
  id: string;
  type: string;
  timestamp: string;
  data: unknown;
}

/**
 * Queues the event for every endpoint of the store subscribed to it (`*` is every topic). `endpoints`:
 * the store's active endpoints when the caller already read them, else they are read here.
 */
export async function emitOutbound(
  trx: Tx,
  storeId: string,
  caseEventType: string,
  caseId: string,
  detail: unknown,
  endpoints?: { id: string; topics: string[] }[],
): Promise<void> {
  const topic = OUTBOUND_TOPICS[caseEventType];
  if (!topic) return;
  endpoints ??= await trx
    .selectFrom('webhook_endpoints')
    .select(['id', 'topics'])
    .where('store_id', '=', storeId)
    .where('disabled_at', 'is', null)
    .execute();
  const subscribed = endpoints.filter((e) => e.topics.includes('*') || e.topics.includes(topic));
  if (subscribed.length === 0) return;
  // what the store's systems need to find their own records: the case, and the order by its ids
  const c = await trx
    .selectFrom('cases as c')
    .innerJoin('orders as o', 'o.id', 'c.order_id')
    .select([
      'c.id',
      'c.number',
      'c.kind',
      'c.status',
      'o.id as order_id',
      'o.external_id',
      'o.number as order_number',
      'o.channel',
    ])
    .where('c.store_id', '=', storeId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  const event: OutboundEvent = {
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    type: topic,
    timestamp: new Date().toISOString(),
    data: {
      case: c ? { id: c.id, number: c.number, kind: c.kind, status: c.status } : { id: caseId },
      order: c
        ? { id: c.order_id, external_id: c.external_id, number: c.order_number, channel: c.channel }
        : null,
      detail,
    },
  };
  for (const e of subscribed)
    await enqueue(trx, storeId, 'webhooks.send', { endpoint_id: e.id, event, attempt: 1 });
}

/** The Standard Webhooks signature of a body. */
export function signOutbound(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export function newEndpointSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

const TIMEOUT_MS = 10_000;
const DAY_MS = 86_400_000;
/** Minutes before attempt n+1: 1, 2, 4 … capped at 4 hours, so a day holds about a dozen tries. */
export const retryDelayMs = (attempt: number) => Math.min(240, 2 ** (attempt - 1)) * 60_000;

/** Sends one event to one endpoint; failures are scheduled again (not thrown) for a whole day. */
export function sendOutboundJob(box: SecretBox): JobHandler {
  return async (db: Kysely<DB>, job) => {
    const { endpoint_id, event, attempt } = job.payload as {
      endpoint_id: string;
      event: OutboundEvent;
      attempt: number;
    };
    const endpoint = await db
      .selectFrom('webhook_endpoints')
      .select(['url', 'secret', 'disabled_at', 'failing_since'])
      .where('store_id', '=', job.store_id)
      .where('store_id', '=', job.store_id)
      .where('id', '=', endpoint_id)
      .executeTakeFirst();
    if (!endpoint || endpoint.disabled_at) return;
    const body = JSON.stringify(event);
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Aftersale-Webhooks/1',
          'webhook-id': event.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signOutbound(box.open(endpoint.secret), event.id, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'manual',
      });
      status = res.status;
      await res.body?.cancel();
      if (status < 200 || status >= 300) error = `answered ${status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_sends')
        .values({
          store_id: job.store_id,
          endpoint_id,
          event_id: event.id,
          event_type: event.type,
          event: JSON.stringify(event),
          attempt,
          status_code: status,
          error,
        })
        .execute();
      if (!error) {
        await trx
          .updateTable('webhook_endpoints')
          .set({ failing_since: null })
          .where('store_id', '=', job.store_id)
          .where('id', '=', endpoint_id)
          .execute();
        return;
      }
      const since = endpoint.failing_since ?? new Date();
      if (Date.now() - since.getTime() >= DAY_MS) {
        await trx
          .updateTable('webhook_endpoints')
          .set({
            disabled_at: sql<Date>`now()`,
            disabled_reason: `failing since ${since.toISOString()}: ${error}`,
          })
          .where('store_id', '=', job.store_id)
          .where('id', '=', endpoint_id)
          .execute();
        return;
      }
      if (!endpoint.failing_since)
        await trx
          .updateTable('webhook_endpoints')
          .set({ failing_since: since })
          .where('store_id', '=', job.store_id)
          .where('id', '=', endpoint_id)
          .execute();
      await enqueue(
        trx,
        job.store_id,
        'webhooks.send',
        { endpoint_id, event, attempt: attempt + 1 },
        new Date(Date.now() + retryDelayMs(attempt)),
      );
    });
  };
}

/** Sends a logged event again by hand (a person fixed the receiving side). */
export async function replaySend(
  trx: Tx,
  storeId: string,
  endpointId: string,
  sendId: number,
): Promise<boolean> {
  const send = await trx
    .selectFrom('webhook_sends')
    .select(['event'])
    .where('store_id', '=', storeId)
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', sendId)
    .executeTakeFirst();
  if (!send) return false;
  await trx
    .updateTable('webhook_endpoints')
    .set({ disabled_at: null, disabled_reason: null, failing_since: null })
    .where('store_id', '=', storeId)
    .where('id', '=', endpointId)
    .execute();
  await enqueue(trx, storeId, 'webhooks.send', { endpoint_id: endpointId, event: send.event, attempt: 1 });
  return true;
}
