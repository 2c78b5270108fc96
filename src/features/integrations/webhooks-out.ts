// Signed webhooks out. An after-sales event the store's systems act on (stop fulfilment of what was
// cancelled, ship to the new address, make the replacement ...) becomes one job per subscribed
// endpoint, written in the transaction of the change, so an event is sent exactly when its change
// committed. The body is signed like Stripe's: `Aftersale-Signature: t=<unix>,v1=<hex HMAC-SHA256 of
// "<t>.<body>">` with the endpoint's secret; the receiver dedupes on `Aftersale-Event-Id`.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Tx } from '../../db/schema.ts';
import type { SecretBox } from '../../integrations/secret-box.ts';
import { enqueue, type JobHandler } from '../../jobs/queue.ts';

/** Case events that leave the house, by the topic the store subscribes to. */
export const OUTBOUND_TOPICS: Readonly<Record<string, string>> = {
  fulfillment_stop_requested: 'fulfillment.stop_requested',
  address_changed: 'order.address_changed',
  intercept_requested: 'parcel.intercept_requested',
  replacement_created: 'replacement.created',
  opened: 'case.opened',
  resolved: 'case.resolved',
  requested: 'return.requested',
  approved: 'return.approved',
  settled: 'return.settled',
  refund_succeeded: 'refund.succeeded',
  refund_failed: 'refund.failed',
};
export const TOPICS = [...new Set(Object.values(OUTBOUND_TOPICS))].sort();

/** Queues the event for every endpoint of the store subscribed to it (`*` is every topic). */
export async function emitOutbound(
  trx: Tx,
  storeId: string,
  caseEventType: string,
  caseId: string,
  detail: unknown,
): Promise<void> {
  const topic = OUTBOUND_TOPICS[caseEventType];
  if (!topic) return;
  const endpoints = await trx
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
  const data = {
    case: c ? { id: c.id, number: c.number, kind: c.kind, status: c.status } : { id: caseId },
    order: c
      ? { id: c.order_id, external_id: c.external_id, number: c.order_number, channel: c.channel }
      : null,
    detail,
  };
  const event = { id: randomUUID(), type: topic, created_at: new Date().toISOString(), data };
  for (const e of subscribed) await enqueue(trx, storeId, 'webhooks.send', { endpoint_id: e.id, event });
}

export function signOutbound(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

export function newEndpointSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

const TIMEOUT_MS = 10_000;

/** Sends one event to one endpoint; a non-2xx answer or a network error is retried with backoff. */
export function sendOutboundJob(box: SecretBox): JobHandler {
  return async (db: Kysely<DB>, job) => {
    const { endpoint_id, event } = job.payload as {
      endpoint_id: string;
      event: { id: string; type: string; created_at: string; data: unknown };
    };
    const endpoint = await db
      .selectFrom('webhook_endpoints')
      .select(['url', 'secret', 'disabled_at'])
      .where('store_id', '=', job.store_id)
      .where('id', '=', endpoint_id)
      .executeTakeFirst();
    if (!endpoint || endpoint.disabled_at) return;
    const body = JSON.stringify(event);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Aftersale-Webhooks/1',
          'aftersale-event-id': event.id,
          'aftersale-event-type': event.type,
          'aftersale-signature': signOutbound(box.open(endpoint.secret), body),
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
    await db
      .insertInto('webhook_sends')
      .values({
        store_id: job.store_id,
        endpoint_id,
        event_id: event.id,
        event_type: event.type,
        status_code: status,
        error,
      })
      .execute();
    if (error) throw new Error(`webhook to ${endpoint.url}: ${error}`);
  };
}
