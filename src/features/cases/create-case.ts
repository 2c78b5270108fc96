// Opens a case that is not a return (API.md "Cases other than returns"). Each kind checks what it
// needs against the order (locked, so two requests on one order run one after another), the case,
// its lines and its first event are written in one transaction, and what the store carries out at
// once (a cancellation or an address change before shipment) is resolved through the same guarded
// step a person would take.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { cancellableQuantities, shippedQuantities, unitsRefund } from '../../domain/cases/case-money.ts';
import { KINDS } from '../../domain/cases/kinds.ts';
import { delayRights, shipmentClock } from '../../domain/cases/shipment-clock.ts';
import { caseSlaDueAt } from '../../domain/cases/sla.ts';
import { priceIn } from '../../domain/currency.ts';
import { AppError } from '../../domain/errors.ts';
import { EU_COUNTRIES } from '../../domain/jurisdictions.ts';
import { formatRma } from '../../domain/returns/rma.ts';
import type { Actor } from '../auth/actor.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { insertCase, insertEvent, insertMessage } from '../returns/returns.queries.ts';
import { type CaseContext, loadCaseContext } from './case-context.ts';
import { findCaseByDedupeKey, findDisputeByProviderId, insertCaseLines } from './cases.queries.ts';
import type { CreateCaseInput } from './cases.schemas.ts';
import { resolveCase } from './resolve-case.ts';

async function newCaseNumber(trx: Tx, storeId: string): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const number = formatRma(randomBytes(5)).replace(/^R-/, 'C-');
    const taken = await trx
      .selectFrom('cases')
      .select('id')
      .where('store_id', '=', storeId)
      .where('number', '=', number)
      .executeTakeFirst();
    if (!taken) return number;
  }
  throw new AppError('internal', 'Could not find a free case number');
}

function checkLines(ctx: CaseContext, lines: readonly { line_id: string; quantity: number }[]) {
  const errors = lines.flatMap((l, i) => {
    const line = ctx.stored.order.lines.find((x) => x.id === l.line_id);
    if (!line) return [{ path: `lines.${i}.line_id`, message: `no line ${l.line_id} on this order` }];
    if (l.quantity > line.quantity)
      return [{ path: `lines.${i}.quantity`, message: `the line has ${line.quantity}` }];
    return [];
  });
  if (errors.length) throw new AppError('invalid_request', 'The lines do not match the order', { errors });
}

function fulfillmentOf(ctx: CaseContext, id: string) {
  const f = ctx.stored.order.fulfillments.find((x) => x.id === id);
  if (!f)
    throw new AppError('invalid_request', `No fulfillment ${id} on this order`, {
      errors: [{ path: 'data.fulfillment_id', message: 'not on this order' }],
    });
  return f;
}

async function refuseDuplicate(trx: Tx, storeId: string, key: string) {
  const open = await findCaseByDedupeKey(trx, storeId, key);
  if (open)
    throw new AppError('conflict', `Case ${open.number} already covers this parcel`, {
      case_id: open.id,
      number: open.number,
    });
}

interface Planned {
  lines: { line_id: string; quantity: number }[];
  data: Record<string, unknown>;
  dedupeKey: string | null;
  explanations: unknown[];
  /** carried out at once by the system, through the resolve step */
  autoResolve: 'refund' | 'update_address' | null;
}

async function plan(
  trx: Tx,
  actor: Actor,
  ctx: CaseContext,
  input: CreateCaseInput,
  now: Date,
): Promise<Planned> {
  const order = ctx.stored.order;
  const given = input.lines ?? null;
  if (given) checkLines(ctx, given);
  if (KINDS[input.kind].lines === 'required' && !given)
    throw new AppError('invalid_request', `A ${input.kind} case names the lines it concerns`, {
      errors: [{ path: 'lines', message: 'required' }],
    });
  const destination = order.shipping_address.country;
  switch (input.kind) {
    case 'cancellation': {
      const cancelled = new Map(Object.entries(ctx.stored.cancelled));
      const open = cancellableQuantities(order, cancelled);
      const wanted = given ?? open;
      const shipped = shippedQuantities(order);
      const late = wanted.filter(
        (w) => w.quantity > (open.find((o) => o.line_id === w.line_id)?.quantity ?? 0),
      );
      if (wanted.length === 0 || late.length > 0) {
        const lines = (
          late.length ? late : order.lines.map((l) => ({ line_id: l.id, quantity: l.quantity }))
        ).map((l) => ({ line_id: l.line_id, shipped: shipped.get(l.line_id) ?? 0 }));
        throw new AppError(
          'already_shipped',
          'Items that have already shipped cannot be cancelled. Once they are delivered, they can be returned.',
          {
            lines,
            offer_return_after_delivery: true,
            explanations: [ctx.explain.store('already_shipped_return_instead', {})],
          },
        );
      }
      return {
        lines: wanted,
        data: { reason: input.data.reason, whole_order: given === null },
        dedupeKey: null,
        explanations: [],
        autoResolve: ctx.policy.cases.auto_cancel_unshipped ? 'refund' : null,
      };
    }
    case 'address_change': {
      const shipped = order.fulfillments.some((f) => f.shipped_at !== null);
      return {
        lines: [],
        data: {
          shipping_address: {
            ...input.data.shipping_address,
            country: input.data.shipping_address.country.toUpperCase(),
          },
          previous_address: order.shipping_address,
          shipped_when_asked: shipped,
        },
        dedupeKey: null,
        explanations: shipped ? [ctx.explain.store('address_after_shipment', {})] : [],
        autoResolve: !shipped && ctx.policy.cases.auto_update_address_unshipped ? 'update_address' : null,
      };
    }
    case 'lost_parcel':
    case 'delivery_delay': {
      const f = fulfillmentOf(ctx, input.data.fulfillment_id);
      if (!f.shipped_at || f.delivered_at)
        throw new AppError(
          'not_eligible',
          f.delivered_at ? 'This parcel was delivered' : 'This parcel has not shipped yet',
          {
            explanations: [ctx.explain.store(f.delivered_at ? 'parcel_delivered' : 'parcel_not_shipped', {})],
          },
        );
      const clock = shipmentClock(f, destination, ctx.policy, now);
      const lost = input.kind === 'lost_parcel';
      // a customer reports a parcel lost only past the route's threshold; staff may open one sooner
      // (the carrier confirmed the loss), and the case records that it was before the threshold
      if (actor.role === 'customer' && lost && !clock.is_lost)
        throw new AppError('not_eligible', 'This parcel does not count as lost yet', {
          explanations: [
            ctx.explain.store('parcel_not_lost_yet', {
              days: clock.lost_after_days,
              deadline: clock.lost_from ?? '',
            }),
          ],
          lost_from: clock.lost_from,
        });
      if (actor.role === 'customer' && !lost && !clock.is_late)
        throw new AppError('not_eligible', 'This parcel is not late yet', {
          explanations: [
            ctx.explain.store('parcel_not_lost_yet', {
              days: clock.lost_after_days,
              deadline: clock.lost_from ?? '',
            }),
          ],
          late_from: clock.late_from,
        });
      const key = `${lost ? 'lost' : 'delay'}:${input.order_id}:${f.id}`;
      await refuseDuplicate(trx, actor.storeId, key);
      const explanations = lost
        ? [
            clock.is_lost
              ? ctx.explain.store('parcel_counts_lost', { days: clock.lost_after_days })
              : ctx.explain.store('parcel_not_lost_yet', {
                  days: clock.lost_after_days,
                  deadline: clock.lost_from ?? '',
                }),
          ]
        : delayRights(destination).map((e) =>
            e.source ? ctx.explain.law(e.code, e.source, e.params) : ctx.explain.store(e.code, e.params),
          );
      return {
        lines: given ?? f.lines.map((l) => ({ line_id: l.line_id, quantity: l.quantity })),
        data: {
          fulfillment_id: f.id,
          carrier: f.carrier,
          tracking_number: f.tracking_number,
          shipped_at: f.shipped_at,
          days_in_transit: clock.days_in_transit,
          lost_after_days: clock.lost_after_days,
          late_after_days: clock.late_after_days,
          past_threshold: lost ? clock.is_lost : clock.is_late,
        },
        dedupeKey: key,
        explanations,
        autoResolve: null,
      };
    }
    case 'item_problem': {
      const delivered = new Map<string, number>();
      for (const f of order.fulfillments)
        if (f.delivered_at)
          for (const l of f.lines) delivered.set(l.line_id, (delivered.get(l.line_id) ?? 0) + l.quantity);
      const undelivered = (given ?? []).filter((l) => (delivered.get(l.line_id) ?? 0) < l.quantity);
      if (undelivered.length)
        throw new AppError('not_eligible', 'A problem with an item is reported once it has arrived', {
          explanations: [ctx.explain.store('item_not_delivered', {})],
          lines: undelivered.map((l) => l.line_id),
        });
      // up to the policy's value for the destination, the customer keeps the item (sending goods
      // back across borders often costs more than they are worth); above it, the store asks for it
      const value = unitsRefund(
        order,
        (given ?? []).map((l) => ({ ...l, from: ctx.settled.get(l.line_id) ?? 0 })),
        'none',
      ).total;
      const rule = ctx.policy.cases.item_problem.routes.find((r) =>
        r.to.some((c) => c === destination || (c === 'EU' && EU_COUNTRIES.includes(destination))),
      );
      const limit = priceIn(
        order.currency,
        rule ? rule.no_return_up_to : ctx.policy.cases.item_problem.no_return_up_to,
        ctx.policy.currency,
        rule ? rule.no_return_up_to_by_currency : ctx.policy.cases.item_problem.no_return_up_to_by_currency,
        await loadRateTable(trx, actor.storeId),
        now.toISOString().slice(0, 10),
      ).amount;
      const keep = limit !== null && limit > 0 && value <= limit;
      return {
        lines: given ?? [],
        data: {
          reason: input.data.reason,
          note: input.data.note,
          value,
          no_return_up_to: limit,
          keep_item: keep,
        },
        dedupeKey: null,
        explanations: [
          keep
            ? ctx.explain.store('item_problem_keep_item', { amount: limit ?? 0 })
            : ctx.explain.store('item_problem_send_back', {}),
        ],
        autoResolve: null,
      };
    }
    case 'dispute': {
      if (input.data.currency !== order.currency)
        throw new AppError('invalid_request', `The order is in ${order.currency}`, {
          errors: [{ path: 'data.currency', message: `the order's currency is ${order.currency}` }],
        });
      if (input.data.provider_dispute_id) {
        const open = await findDisputeByProviderId(
          trx,
          actor.storeId,
          input.data.provider,
          input.data.provider_dispute_id,
        );
        if (open)
          throw new AppError('conflict', `Case ${open.number} already holds this dispute`, {
            case_id: open.id,
          });
      }
      return { lines: [], data: { ...input.data }, dedupeKey: null, explanations: [], autoResolve: null };
    }
    case 'inquiry':
      return {
        lines: given ?? [],
        data: { subject: input.data.subject },
        dedupeKey: null,
        explanations: [],
        autoResolve: null,
      };
  }
}

export async function createCase(
  trx: Tx,
  actor: Actor,
  input: CreateCaseInput,
  now = new Date(),
): Promise<string> {
  const ctx = await loadCaseContext(trx, actor.storeId, input.order_id, { language: input.language });
  const planned = await plan(trx, actor, ctx, input, now);
  const id = randomUUID();
  const number = await newCaseNumber(trx, actor.storeId);
  await insertCase(trx, {
    store_id: actor.storeId,
    id,
    kind: input.kind,
    number,
    status: 'open',
    order_id: input.order_id,
    customer_id: ctx.stored.customer_id,
    sla_due_at: caseSlaDueAt(input.kind, now.toISOString(), ctx.policy, ctx.store.time_zone),
    data: JSON.stringify({ ...planned.data, explanations: planned.explanations }),
    dedupe_key: planned.dedupeKey,
    created_at: now,
    updated_at: now,
  });
  await insertCaseLines(
    trx,
    planned.lines.map((l) => ({
      store_id: actor.storeId,
      case_id: id,
      order_id: input.order_id,
      line_id: l.line_id,
      quantity: l.quantity,
    })),
  );
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: id,
    type: 'opened',
    to: 'open',
    actor: actor.label,
    data: { kind: input.kind, number, lines: planned.lines },
  });
  if (input.kind === 'inquiry' && input.data.message)
    await insertMessage(trx, {
      store_id: actor.storeId,
      id: randomUUID(),
      case_id: id,
      direction: 'in',
      channel: actor.role === 'customer' ? 'portal' : 'note',
      author: actor.label,
      body: input.data.message,
    });
  if (planned.autoResolve)
    await resolveCase(
      trx,
      { ...actor, role: 'owner', label: 'system:auto' },
      id,
      { type: planned.autoResolve } as never,
      now,
      { ctx },
    );
  return id;
}
