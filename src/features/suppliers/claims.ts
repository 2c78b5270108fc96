// Claims against suppliers: built from the units a supplier may owe for (inspected seller-fault return
// lines, item-problem and lost-parcel cases) or by hand, moved through the supplier's answers, and
// settled by the credits, refunds or replacements it gives. Every change is an event on the claim; a
// unit is on one claim only (a unique index), and a credit is counted once per supplier reference.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  acceptanceStatus,
  assertClaimStep,
  type ClaimStatus,
  type ClaimStep,
  claimLineAmount,
} from '../../domain/suppliers/claims.ts';
import type { Actor } from '../auth/actor.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { getStore } from '../stores/stores.queries.ts';
import { claimLetter, queueClaimMail, recordClaimNote } from './claim-mail.ts';
import { getSupplier } from './supplier-terms.queries.ts';
import { type UnitWithPosition, unitsWithPosition } from './supplier-units.queries.ts';

export interface CreateClaimInput {
  supplier: string;
  all_claimable: boolean;
  items: { case_id: string; line_id?: string | undefined }[];
  manual_lines: {
    description: string;
    sku?: string | undefined;
    reason: string;
    quantity: number;
    amount: number;
  }[];
  /** claim units the supplier's terms do not cover (the supplier agreed to it anyway) */
  despite_terms: boolean;
  note: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Builds a draft claim for one supplier and returns its id. */
export async function createClaim(trx: Tx, actor: Actor, input: CreateClaimInput, now = new Date()) {
  const supplier = await getSupplier(trx, actor.storeId, input.supplier, { lock: true });
  const store = await getStore(trx, actor.storeId);
  const currency = supplier.terms?.currency ?? store?.currency ?? 'EUR';
  const units = await pickUnits(trx, actor, supplier.code, input, now);
  if (units.length === 0 && input.manual_lines.length === 0)
    throw new AppError('not_eligible', `Nothing of ${supplier.code} is waiting to be claimed`, {
      errors: [{ path: input.all_claimable ? 'all_claimable' : 'items', message: 'no claimable unit' }],
    });
  const rates = await loadRateTable(trx, actor.storeId);
  const day = isoDay(now);
  const lines = units.map((u, i) => {
    const basis = u.unit_cost
      ? { amount: u.unit_cost.amount * u.quantity, currency: u.unit_cost.currency, what: 'unit_cost' }
      : { ...u.value, what: 'refund' };
    const converted =
      basis.currency === currency
        ? basis.amount
        : rates.convert(basis.amount, basis.currency, currency, day)?.to.amount;
    if (converted === undefined)
      throw new AppError(
        'invalid_request',
        `No exchange rate from ${basis.currency} to ${currency} for ${day}`,
        {
          errors: [
            { path: `items.${i}`, message: `add a ${basis.currency}/${currency} rate on the Rates page` },
          ],
        },
      );
    const fee = u.position?.claimable ? u.position.restocking_fee_percent : 0;
    return {
      unit: u,
      amount: claimLineAmount(converted, fee),
      basis: { ...basis, restocking_fee_percent: fee },
    };
  });
  const evidence = await caseEvidence(
    trx,
    actor.storeId,
    units.map((u) => u.case_id),
  );
  const id = randomUUID();
  const deadlines = units.flatMap((u) => (u.position?.claimable ? [u.position.until] : [])).sort();
  const claimed =
    lines.reduce((s, l) => s + l.amount, 0) + input.manual_lines.reduce((s, l) => s + l.amount, 0);
  const number = await nextClaimNumber(trx, actor.storeId);
  await trx
    .insertInto('supplier_claims')
    .values({
      store_id: actor.storeId,
      id,
      number,
      supplier_id: supplier.id,
      status: 'draft',
      currency,
      deadline: deadlines[0] ?? null,
      claimed_amount: claimed,
      note: input.note,
      created_by: actor.label,
    })
    .execute();
  const rows = [
    ...lines.map(({ unit: u, amount, basis }) => ({
      store_id: actor.storeId,
      claim_id: id,
      id: randomUUID(),
      source: u.source,
      case_id: u.case_id,
      order_id: u.order_id,
      line_id: u.line_id,
      sku: u.sku,
      description: u.title,
      reason: u.reason,
      quantity: u.quantity,
      amount,
      position: JSON.stringify({
        terms_version: supplier.terms_version,
        claimable: u.position?.claimable ?? false,
        until: u.position?.until ?? null,
        remedy: u.position?.claimable ? u.position.remedy : null,
        why: u.position?.why ?? null,
        basis,
      }),
      evidence: JSON.stringify({
        files: (evidence.get(u.case_id) ?? []).filter((f) => f.line_id === null || f.line_id === u.line_id),
        grade: u.grade,
        checklist: u.checklist,
      }),
    })),
    ...input.manual_lines.map((m) => ({
      store_id: actor.storeId,
      claim_id: id,
      id: randomUUID(),
      source: 'manual',
      case_id: null,
      order_id: null,
      line_id: null,
      sku: m.sku ?? null,
      description: m.description,
      reason: m.reason,
      quantity: m.quantity,
      amount: m.amount,
      position: JSON.stringify({ terms_version: supplier.terms_version, basis: { what: 'entered' } }),
      evidence: '{}',
    })),
  ];
  await trx.insertInto('supplier_claim_lines').values(rows).execute();
  await claimEvent(trx, actor, id, 'created', { lines: rows.length, claimed_amount: claimed, currency });
  return id;
}

async function pickUnits(
  trx: Tx,
  actor: Actor,
  supplierCode: string,
  input: CreateClaimInput,
  now: Date,
): Promise<UnitWithPosition[]> {
  if (input.all_claimable) {
    const units = await unitsWithPosition(trx, actor.storeId, { supplierCode, claimableOnly: true }, now);
    return units.filter((u) => !u.claim && u.position?.claimable);
  }
  const picked: UnitWithPosition[] = [];
  for (const [i, item] of input.items.entries()) {
    const units = await unitsWithPosition(
      trx,
      actor.storeId,
      { caseId: item.case_id, claimableOnly: true },
      now,
    );
    const chosen = units.filter((u) => item.line_id === undefined || u.line_id === item.line_id);
    const fail = (message: string, code: 'not_eligible' | 'conflict' = 'not_eligible') => {
      throw new AppError(code, message, { errors: [{ path: `items.${i}`, message }] });
    };
    if (chosen.length === 0)
      fail('No inspected return line or open item-problem or lost-parcel case line matches this item');
    const theirs = chosen.filter((u) => u.supplier_code === supplierCode);
    if (theirs.length === 0) fail(`Not a unit supplied by ${supplierCode}`);
    for (const u of theirs) {
      if (u.claim)
        fail(`Line ${u.line_id} of ${u.case_number} is already on claim ${u.claim.number}`, 'conflict');
      if (!u.position?.claimable && !input.despite_terms)
        fail(`${u.case_number} line ${u.line_id}: ${u.position?.why.message ?? 'not claimable'}`);
      if (picked.some((p) => p.case_id === u.case_id && p.line_id === u.line_id))
        fail(`Line ${u.line_id} of ${u.case_number} is named twice`);
      picked.push(u);
    }
  }
  return picked;
}

async function caseEvidence(trx: Tx, storeId: string, caseIds: string[]) {
  const out = new Map<string, { id: string; line_id: string | null; content_type: string; name: string }[]>();
  if (caseIds.length === 0) return out;
  const rows = await trx
    .selectFrom('case_evidence')
    .select(['id', 'case_id', 'line_id', 'content_type', 'filename'])
    .where('store_id', '=', storeId)
    .where('case_id', 'in', [...new Set(caseIds)])
    .orderBy('created_at')
    .execute();
  for (const r of rows)
    out.set(r.case_id, [
      ...(out.get(r.case_id) ?? []),
      { id: r.id, line_id: r.line_id, content_type: r.content_type, name: r.filename },
    ]);
  return out;
}

async function nextClaimNumber(trx: Tx, storeId: string): Promise<string> {
  // one past the highest number so far, so a deleted draft never frees a number still in use;
  // two claims built at once may pick the same one: the unique number refuses the second (409)
  const row = await trx
    .selectFrom('supplier_claims')
    .select(sql<number>`coalesce(max(substring(number from 5)::int), 0)`.as('n'))
    .where('store_id', '=', storeId)
    .executeTakeFirstOrThrow();
  return `CLM-${String(Number(row.n) + 1).padStart(5, '0')}`;
}

export async function claimEvent(trx: Tx, actor: Actor, claimId: string, type: string, data: unknown) {
  await trx
    .insertInto('supplier_claim_events')
    .values({
      store_id: actor.storeId,
      claim_id: claimId,
      type,
      actor: actor.label,
      data: JSON.stringify(data),
    })
    .execute();
}

async function lockClaim(trx: Tx, storeId: string, id: string) {
  const row = await trx
    .selectFrom('supplier_claims')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Claim');
  return row;
}

export type StepInput =
  | {
      step: 'send';
      note: string /** null: by email when the supplier has an address */;
      email: boolean | null;
    }
  | { step: 'acknowledge'; supplier_reference: string | null }
  | { step: 'accept'; lines: { id: string; accepted_amount: number }[] | null; note: string }
  | { step: 'reject'; reason: string }
  | {
      step: 'credit';
      kind: 'credit' | 'replacement' | 'refund';
      amount: number;
      units: number;
      reference: string;
      received_on: string;
      note: string;
    };

/** Moves a claim one step; a credit whose reference the supplier already used changes nothing. */
export async function claimStep(trx: Tx, actor: Actor, id: string, input: StepInput, now = new Date()) {
  const claim = await lockClaim(trx, actor.storeId, id);
  const status = claim.status as ClaimStatus;
  if (input.step === 'credit') {
    const again = await trx
      .selectFrom('supplier_credits')
      .select(['id', 'claim_id', 'amount', 'kind'])
      .where('store_id', '=', actor.storeId)
      .where('supplier_id', '=', claim.supplier_id)
      .where('reference', '=', input.reference)
      .executeTakeFirst();
    if (again) {
      if (again.claim_id !== id || again.amount !== input.amount || again.kind !== input.kind)
        throw new AppError('conflict', `Credit ${input.reference} of this supplier is already recorded`, {
          errors: [{ path: 'reference', message: 'already recorded with other details' }],
        });
      return { replayed: true };
    }
  }
  assertClaimStep(status, input.step as ClaimStep);
  const set: Record<string, unknown> = { updated_at: now };
  switch (input.step) {
    case 'send': {
      const lines = await trx
        .selectFrom('supplier_claim_lines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('store_id', '=', actor.storeId)
        .where('claim_id', '=', id)
        .executeTakeFirstOrThrow();
      if (Number(lines.n) === 0) throw new AppError('not_eligible', 'A claim without lines cannot be sent');
      Object.assign(set, { status: 'sent', sent_at: now });
      const supplier = await trx
        .selectFrom('suppliers')
        .select(['email', 'name'])
        .where('store_id', '=', actor.storeId)
        .where('id', '=', claim.supplier_id)
        .executeTakeFirstOrThrow();
      const byMail = input.email ?? supplier.email !== null;
      const mailId = byMail
        ? await queueClaimMail(
            trx,
            actor,
            id,
            { body: await claimLetter(trx, actor.storeId, id, input.note), withDocument: true },
            now,
          )
        : null;
      await claimEvent(trx, actor, id, 'sent', {
        note: input.note,
        deadline: claim.deadline,
        by: mailId ? 'email' : 'hand',
        message_id: mailId,
      });
      break;
    }
    case 'acknowledge':
      Object.assign(set, {
        status: 'acknowledged',
        acknowledged_at: now,
        supplier_reference: input.supplier_reference ?? claim.supplier_reference,
      });
      await claimEvent(trx, actor, id, 'acknowledged', { supplier_reference: input.supplier_reference });
      break;
    case 'accept': {
      const lines = await trx
        .selectFrom('supplier_claim_lines')
        .select(['id', 'amount'])
        .where('store_id', '=', actor.storeId)
        .where('claim_id', '=', id)
        .execute();
      const given = new Map((input.lines ?? []).map((l) => [l.id, l.accepted_amount]));
      const errors = [...given.entries()].flatMap(([lineId, amount], i) => {
        const line = lines.find((l) => l.id === lineId);
        if (!line) return [{ path: `lines.${i}.id`, message: 'not a line of this claim' }];
        if (amount > line.amount)
          return [
            { path: `lines.${i}.accepted_amount`, message: `at most ${line.amount}, what was claimed` },
          ];
        return [];
      });
      if (errors.length)
        throw new AppError('invalid_request', 'The acceptance does not match the claim', { errors });
      const decided = lines.map((l) => ({ ...l, accepted_amount: given.get(l.id) ?? l.amount }));
      for (const l of decided)
        await trx
          .updateTable('supplier_claim_lines')
          .set({ accepted_amount: l.accepted_amount })
          .where('store_id', '=', actor.storeId)
          .where('id', '=', l.id)
          .execute();
      const result = acceptanceStatus(decided);
      if (result.accepted === 0)
        throw new AppError('invalid_request', 'Nothing accepted is a rejection: reject the claim instead', {
          errors: [{ path: 'lines', message: 'every accepted amount is 0' }],
        });
      Object.assign(set, { status: result.status, accepted_amount: result.accepted, decided_at: now });
      await claimEvent(trx, actor, id, result.status, { accepted_amount: result.accepted, note: input.note });
      break;
    }
    case 'reject':
      Object.assign(set, { status: 'rejected', decided_at: now, accepted_amount: 0 });
      await claimEvent(trx, actor, id, 'rejected', { reason: input.reason });
      break;
    case 'credit': {
      await trx
        .insertInto('supplier_credits')
        .values({
          store_id: actor.storeId,
          id: randomUUID(),
          supplier_id: claim.supplier_id,
          claim_id: id,
          kind: input.kind,
          amount: input.amount,
          currency: claim.currency,
          units: input.units,
          reference: input.reference,
          received_on: input.received_on,
          note: input.note,
          created_by: actor.label,
        })
        .execute();
      const credited = claim.credited_amount + input.amount;
      const settled = credited >= (claim.accepted_amount ?? 0);
      Object.assign(set, { credited_amount: credited });
      if (settled) Object.assign(set, { status: 'credited', credited_at: now });
      await claimEvent(trx, actor, id, settled ? 'credited' : 'credit_recorded', {
        kind: input.kind,
        amount: input.amount,
        units: input.units,
        reference: input.reference,
        credited_amount: credited,
      });
      break;
    }
  }
  await trx
    .updateTable('supplier_claims')
    .set(set)
    .where('store_id', '=', actor.storeId)
    .where('id', '=', id)
    .execute();
  return { replayed: false };
}

/** A message to the supplier by email, or one said elsewhere (phone, chat) recorded by hand. */
export async function recordClaimMessage(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { direction: 'in' | 'out'; body: string; email: boolean },
  now = new Date(),
) {
  await lockClaim(trx, actor.storeId, id);
  if (input.email && input.direction === 'in')
    throw new AppError(
      'invalid_request',
      "A supplier's mail arrives by itself (inbound email); record it by hand with email: false",
      { errors: [{ path: 'email', message: 'only a message out is sent by email' }] },
    );
  const messageId = input.email
    ? await queueClaimMail(trx, actor, id, { body: input.body, withDocument: false }, now)
    : await recordClaimNote(trx, actor, id, input);
  await claimEvent(trx, actor, id, input.direction === 'in' ? 'message_in' : 'message_out', {
    body: input.body,
    message_id: messageId,
    by: input.email ? 'email' : 'hand',
  });
}

/** A draft is deleted with its lines (its units become claimable again); anything sent is kept. */
export async function deleteDraftClaim(trx: Tx, actor: Actor, id: string) {
  const claim = await lockClaim(trx, actor.storeId, id);
  if (claim.status !== 'draft')
    throw new AppError('illegal_transition', 'Only a draft claim can be deleted', { status: claim.status });
  await trx
    .deleteFrom('supplier_claims')
    .where('store_id', '=', actor.storeId)
    .where('id', '=', id)
    .execute();
}
