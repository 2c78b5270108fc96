// The steps between opening and resolving a case: waiting on the customer or the carrier, an offer
// the customer accepts or declines, a carrier interception, a dispute's evidence and verdict, and an
// item problem turned into a return. Each goes through the kind's table in the case's row lock.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { assertMove, assertResolvable, type CaseKind, type CaseStatus } from '../../domain/cases/kinds.ts';
import { AppError } from '../../domain/errors.ts';
import type { Address } from '../../domain/order.ts';
import type { Actor } from '../auth/actor.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { requestReturn } from '../returns/request-return.ts';
import { insertEvent, insertMessage } from '../returns/returns.queries.ts';
import { createReturnSchema } from '../returns/returns.schemas.ts';
import { assertGoodwill, fullRefund, goodwillLimit } from './case-amounts.ts';
import { loadCaseContext } from './case-context.ts';
import { type CaseRow, getCaseLines, setShippingAddress, updateCase } from './cases.queries.ts';
import type { CaseResolution } from './cases.schemas.ts';
import { assertEvidence, caseData, loadCaseForStep, recordChargeback, resolveCase } from './resolve-case.ts';

async function move(
  trx: Tx,
  actor: Actor,
  row: CaseRow,
  to: CaseStatus,
  event: { type?: string; data?: unknown; closed?: boolean } = {},
) {
  assertMove(row.kind as CaseKind, row.status as CaseStatus, to);
  await updateCase(trx, actor.storeId, row.id, { status: to, closed: event.closed === true });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: row.id,
    type: event.type ?? to,
    from: row.status,
    to,
    actor: actor.label,
    data: event.data,
  });
}

async function say(
  trx: Tx,
  actor: Actor,
  caseId: string,
  body: string | undefined,
  direction: 'out' | 'internal',
) {
  if (!body) return;
  await insertMessage(trx, {
    store_id: actor.storeId,
    id: randomUUID(),
    case_id: caseId,
    direction,
    channel: direction === 'out' ? 'portal' : 'note',
    author: actor.label,
    body,
  });
}

export async function moveCase(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { to: 'open' | 'waiting_customer' | 'waiting_carrier'; message?: string | undefined },
) {
  const row = await loadCaseForStep(trx, actor, id);
  await move(trx, actor, row, input.to, { data: { message: input.message ?? null } });
  await say(trx, actor, id, input.message, 'out');
}

/** A person proposes a resolution; the customer accepts or declines it in the portal. */
export async function offerCase(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { resolution: CaseResolution; message: string },
  now = new Date(),
) {
  const row = await loadCaseForStep(trx, actor, id);
  const kind = row.kind as CaseKind;
  assertResolvable(kind, row.status as CaseStatus, input.resolution.type);
  const ctx = await loadCaseContext(trx, actor.storeId, row.order_id, { lock: false });
  const lines = await getCaseLines(trx, actor.storeId, [id]);
  const full = fullRefund(ctx, kind, lines, caseData(row));
  const r = input.resolution;
  await assertEvidence(trx, actor.storeId, row);
  if (r.type === 'refund' || r.type === 'store_credit') {
    const amount = r.amount ?? full?.total ?? 0;
    if (amount <= 0)
      throw new AppError('invalid_request', 'Give the amount to offer', {
        errors: [{ path: 'resolution.amount', message: 'required for this case' }],
      });
    // the offer is held to the ceiling of the person who makes it
    assertGoodwill(
      amount,
      full,
      false,
      goodwillLimit(ctx, actor, await loadRateTable(trx, actor.storeId), now.toISOString().slice(0, 10)),
    );
  }
  const offer = {
    resolution: r,
    message: input.message,
    offered_at: now.toISOString(),
    offered_by: actor.label,
  };
  if (row.status !== 'waiting_customer')
    await move(trx, actor, row, 'waiting_customer', { type: 'offered', data: offer });
  else
    await insertEvent(trx, {
      store_id: actor.storeId,
      case_id: id,
      type: 'offered',
      actor: actor.label,
      data: offer,
    });
  await updateCase(trx, actor.storeId, id, { offer });
  await say(trx, actor, id, input.message, 'out');
}

function pendingOffer(row: CaseRow): { resolution: CaseResolution } {
  const offer = row.offer as { resolution: CaseResolution } | null;
  if (!offer || row.status !== 'waiting_customer')
    throw new AppError('illegal_transition', 'There is no offer waiting for an answer on this case', {
      from: row.status,
    });
  return offer;
}

export async function acceptOffer(trx: Tx, actor: Actor, id: string, now = new Date()) {
  const row = await loadCaseForStep(trx, actor, id);
  const offer = pendingOffer(row);
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: id,
    type: 'offer_accepted',
    actor: actor.label,
    data: offer,
  });
  const resolution = { goodwill: false, ...offer.resolution } as CaseResolution;
  await resolveCase(trx, actor, id, resolution, now, { acceptedOffer: true });
}

export async function declineOffer(trx: Tx, actor: Actor, id: string, message?: string) {
  const row = await loadCaseForStep(trx, actor, id);
  const offer = pendingOffer(row);
  await move(trx, actor, row, 'open', { type: 'offer_declined', data: { offer, message: message ?? null } });
  await updateCase(trx, actor.storeId, id, { offer: null });
  if (message)
    await insertMessage(trx, {
      store_id: actor.storeId,
      id: randomUUID(),
      case_id: id,
      direction: 'in',
      channel: 'portal',
      author: actor.label,
      body: message,
    });
}

/**
 * An address change after shipment: the store asks the carrier to intercept the parcel. Requested:
 * the case waits on the carrier. Succeeded: the parcel goes to the new address, the order records it
 * and the case is resolved. Failed: back to open, to send again or close.
 */
export async function interceptParcel(
  trx: Tx,
  actor: Actor,
  id: string,
  input: {
    outcome: 'requested' | 'succeeded' | 'failed';
    carrier_reference?: string | undefined;
    note?: string | undefined;
  },
  now = new Date(),
) {
  const row = await loadCaseForStep(trx, actor, id);
  if (row.kind !== 'address_change')
    throw new AppError('invalid_request', 'Only an address change asks the carrier to intercept a parcel');
  const data = caseData(row);
  const record = {
    outcome: input.outcome,
    carrier_reference: input.carrier_reference ?? null,
    note: input.note ?? null,
    at: now.toISOString(),
  };
  const intercepts = [...((data.intercepts as unknown[]) ?? []), record];
  if (input.outcome === 'requested') {
    await move(trx, actor, row, 'waiting_carrier', { type: 'intercept_requested', data: record });
    await updateCase(trx, actor.storeId, id, { data: { ...data, intercepts } });
    return;
  }
  if (row.status !== 'waiting_carrier')
    throw new AppError('illegal_transition', 'Record the request to the carrier first', { from: row.status });
  await updateCase(trx, actor.storeId, id, { data: { ...data, intercepts } });
  if (input.outcome === 'failed') {
    await move(trx, actor, row, 'open', { type: 'intercept_failed', data: record });
    return;
  }
  // the carrier redirected the parcel: the order now ships to the new address, which the kind's
  // table allows as its address update (resolved from waiting_carrier)
  assertResolvable('address_change', row.status as CaseStatus, 'update_address');
  await setShippingAddress(trx, actor.storeId, row.order_id, data.shipping_address as Address);
  await updateCase(trx, actor.storeId, id, {
    status: 'resolved',
    resolution: {
      type: 'intercepted',
      at: now.toISOString(),
      by: actor.label,
      carrier_reference: record.carrier_reference,
    },
    sla_due_at: null,
    closed: true,
  });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: id,
    type: 'intercept_succeeded',
    from: row.status,
    to: 'resolved',
    actor: actor.label,
    data: { ...record, from: data.previous_address, to: data.shipping_address },
  });
}

/** A dispute: evidence sent to the provider, then the provider's verdict. A lost one is a chargeback. */
export async function disputeStep(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { status: 'submitted' | 'won' | 'lost'; note?: string | undefined },
) {
  const row = await loadCaseForStep(trx, actor, id);
  if (row.kind !== 'dispute') throw new AppError('invalid_request', 'This case is not a dispute');
  await move(trx, actor, row, input.status, {
    type: input.status === 'submitted' ? 'evidence_submitted' : `dispute_${input.status}`,
    data: { note: input.note ?? null },
    closed: input.status !== 'submitted',
  });
  // sending the evidence is the team's answer: the SLA clock stops there
  await updateCase(trx, actor.storeId, id, {
    sla_due_at: null,
    ...(input.status !== 'submitted'
      ? { resolution: { type: `dispute_${input.status}`, by: actor.label } }
      : {}),
  });
  if (input.status === 'lost') {
    const amount = caseData(row).amount;
    await recordChargeback(trx, actor, row, typeof amount === 'number' ? amount : 0);
  }
}

/** An item problem where the store wants the item back: a seller-fault return is opened for its lines. */
export async function convertToReturn(trx: Tx, actor: Actor, id: string, now = new Date()): Promise<string> {
  const row = await loadCaseForStep(trx, actor, id);
  if (row.kind !== 'item_problem')
    throw new AppError('invalid_request', 'Only an item problem turns into a return');
  assertResolvable('item_problem', row.status as CaseStatus, 'none');
  const data = caseData(row);
  const lines = await getCaseLines(trx, actor.storeId, [id]);
  const returnId = await requestReturn(
    trx,
    actor,
    createReturnSchema.parse({
      order_id: row.order_id,
      lines: lines.map((l) => ({
        line_id: l.line_id,
        quantity: l.quantity,
        reason: String(data.reason),
        note: String(data.note ?? ''),
        opened: true,
      })),
      resolution: { type: 'refund' },
      method: 'label',
    }),
    now,
  );
  await updateCase(trx, actor.storeId, id, {
    status: 'closed',
    resolution: { type: 'return', return_id: returnId, at: now.toISOString(), by: actor.label },
    sla_due_at: null,
    closed: true,
    offer: null,
  });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: id,
    type: 'turned_into_return',
    from: row.status,
    to: 'closed',
    actor: actor.label,
    data: { return_id: returnId },
  });
  return returnId;
}
