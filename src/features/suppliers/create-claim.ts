// A claim against a supplier, built as a draft: from the units the supplier may owe for (chosen, or
// every claimable one), checked against its return terms unless the store says otherwise, priced in
// the claim's currency at the day's rate, with the cases' evidence attached and the next claim number.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { claimLineAmount } from '../../domain/suppliers/claims.ts';
import type { Actor } from '../auth/actor.ts';
import { loadRateTable } from '../rates/rates.queries.ts';
import { getStore } from '../stores/stores.queries.ts';
import { claimEvent } from './claims.ts';
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
