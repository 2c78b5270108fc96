// The demo store's cases other than returns, one or more of every kind in several statuses, made
// through the same use cases the API calls (open, offer, intercept, dispute, resolve).
import { createHash, randomUUID } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { Tx } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { disputeStep, interceptParcel, offerCase } from '../cases/case-steps.ts';
import { insertEvidence } from '../cases/cases.queries.ts';
import { createCaseSchema } from '../cases/cases.schemas.ts';
import { createCase } from '../cases/create-case.ts';
import { resolveCase } from '../cases/resolve-case.ts';

export type DemoCase =
  | { kind: 'cancellation' }
  | { kind: 'address_change'; line1: string; postal_code: string; intercept?: 'requested' }
  | { kind: 'lost_parcel'; then?: 'reship' }
  | { kind: 'delivery_delay' }
  | {
      kind: 'item_problem';
      sku: string;
      reason: 'damaged_in_transit' | 'defective' | 'wrong_item';
      photo: boolean;
      offer?: number;
    }
  | { kind: 'dispute'; reason: string; dueInDays: number; submitted?: boolean }
  | { kind: 'inquiry'; subject: string; message: string };

/** A small photo-like PNG for the demo's evidence: stripes of knit with a tear across. */
function demoPhoto(): Buffer {
  const w = 160;
  const h = 120;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const tear = Math.abs(y - (x * 0.6 + 20)) < 3 && x > 30 && x < 130;
      const stripe = (x + y) % 12 < 6;
      raw[o] = tear ? 240 : stripe ? 40 : 60;
      raw[o + 1] = tear ? 230 : stripe ? 70 : 95;
      raw[o + 2] = tear ? 220 : stripe ? 140 : 170;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function openDemoCase(
  trx: Tx,
  actor: Actor,
  orderId: string,
  order: {
    currency: string;
    shipping_address: Record<string, unknown>;
    lines: { id: string; sku: string }[];
  },
  c: DemoCase,
  now: Date,
): Promise<void> {
  const agent = { ...actor, role: 'agent' as const, label: 'system:demo' };
  const open = (body: Record<string, unknown>) =>
    createCase(trx, agent, createCaseSchema.parse({ order_id: orderId, ...body }), now);
  switch (c.kind) {
    case 'cancellation':
      await open({ kind: 'cancellation', data: { reason: 'Ordered the wrong colour' } });
      return;
    case 'address_change': {
      const id = await open({
        kind: 'address_change',
        data: { shipping_address: { ...order.shipping_address, line1: c.line1, postal_code: c.postal_code } },
      });
      if (c.intercept)
        await interceptParcel(
          trx,
          agent,
          id,
          { outcome: 'requested', carrier_reference: 'DHL-INT-20931' },
          now,
        );
      return;
    }
    case 'lost_parcel': {
      const id = await open({ kind: 'lost_parcel', data: { fulfillment_id: 'F1' } });
      if (c.then === 'reship')
        await resolveCase(trx, agent, id, { type: 'reship', message: 'A new parcel is on its way.' }, now);
      return;
    }
    case 'delivery_delay':
      await open({ kind: 'delivery_delay', data: { fulfillment_id: 'F1' } });
      return;
    case 'item_problem': {
      const line = order.lines.find((l) => l.sku === c.sku) ?? order.lines[0];
      const id = await open({
        kind: 'item_problem',
        lines: [{ line_id: line?.id ?? 'L1', quantity: 1 }],
        data: { reason: c.reason, note: 'The parcel arrived crushed and the item is torn.' },
      });
      if (c.photo) {
        const bytes = demoPhoto();
        await insertEvidence(trx, {
          store_id: actor.storeId,
          id: randomUUID(),
          case_id: id,
          line_id: line?.id ?? null,
          filename: 'damage.png',
          content_type: 'image/png',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          data: bytes,
        });
      }
      if (c.offer)
        await offerCase(
          trx,
          agent,
          id,
          {
            resolution: { type: 'refund', amount: c.offer, goodwill: false },
            message: 'We are sorry about the damage. May we refund part of the price, and you keep the item?',
          },
          now,
        );
      return;
    }
    case 'dispute': {
      const id = await createCase(
        trx,
        actor,
        createCaseSchema.parse({
          kind: 'dispute',
          order_id: orderId,
          data: {
            provider: 'stripe',
            provider_dispute_id: `dp_demo_${orderId.slice(0, 8)}`,
            amount: 2500,
            currency: order.currency,
            reason: c.reason,
            evidence_due_by: new Date(now.getTime() + c.dueInDays * 86_400_000).toISOString(),
          },
        }),
        now,
      );
      if (c.submitted)
        await disputeStep(trx, agent, id, { status: 'submitted', note: 'Tracking and delivery photo sent.' });
      return;
    }
    case 'inquiry':
      await open({ kind: 'inquiry', data: { subject: c.subject, message: c.message } });
      return;
  }
}
