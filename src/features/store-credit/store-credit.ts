// Store credit that can be spent: a grant issues a code, the store's checkout redeems it (under the
// code's row lock, so concurrent checkouts never spend more than it holds), a void takes what is
// left, a reversal puts a redemption back when the checkout's order was cancelled. Every movement
// is an entry of the ledger, with the idempotency key the caller sent.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { assertRedeemable, codeStatus } from '../../domain/store-credit.ts';

// Crockford's base32: nothing to mistake for 0/O or 1/I/L when read aloud or typed from a receipt.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newCode(): string {
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 31];
  return `SC-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** When credit granted now stops being spendable under the policy (null: never). */
export function creditExpiry(validDays: number | null, now: Date): Date | null {
  return validDays === null ? null : new Date(now.getTime() + validDays * 86_400_000);
}

export interface GrantInput {
  storeId: string;
  customerId: string;
  amount: number;
  currency: string;
  caseId: string | null;
  note: string;
  expiresAt?: Date | null;
}

export async function grantStoreCredit(
  trx: Tx,
  input: GrantInput,
): Promise<{ entryId: string; codeId: string; code: string }> {
  const codeId = randomUUID();
  let code = newCode();
  for (let i = 0; i < 5; i++) {
    const taken = await trx
      .selectFrom('store_credit_codes')
      .select('id')
      .where('store_id', '=', input.storeId)
      .where('code', '=', code)
      .executeTakeFirst();
    if (!taken) break;
    code = newCode();
  }
  await trx
    .insertInto('store_credit_codes')
    .values({
      store_id: input.storeId,
      id: codeId,
      code,
      customer_id: input.customerId,
      currency: input.currency,
      case_id: input.caseId,
      note: input.note,
      expires_at: input.expiresAt ?? null,
    })
    .execute();
  const entryId = randomUUID();
  await trx
    .insertInto('store_credit_entries')
    .values({
      store_id: input.storeId,
      id: entryId,
      customer_id: input.customerId,
      amount: input.amount,
      currency: input.currency,
      case_id: input.caseId,
      note: input.note,
      code_id: codeId,
      entry_type: 'grant',
    })
    .execute();
  return { entryId, codeId, code };
}

async function lockCode(trx: Tx, storeId: string, code: string) {
  const row = await trx
    .selectFrom('store_credit_codes')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('code', '=', code.trim().toUpperCase())
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such credit code');
  return row;
}

async function balance(trx: Tx, storeId: string, codeId: string): Promise<number> {
  const row = await trx
    .selectFrom('store_credit_entries')
    .select(sql<string>`coalesce(sum(amount), 0)`.as('balance'))
    .where('store_id', '=', storeId)
    .where('code_id', '=', codeId)
    .executeTakeFirstOrThrow();
  return Number(row.balance);
}

export async function redeemCredit(
  trx: Tx,
  storeId: string,
  input: { code: string; amount: number; currency: string; reference: string; idempotencyKey: string | null },
  now = new Date(),
) {
  const code = await lockCode(trx, storeId, input.code);
  const before = await balance(trx, storeId, code.id);
  const after = assertRedeemable({ ...code, balance: before }, input.amount, input.currency, now);
  const id = randomUUID();
  await trx
    .insertInto('store_credit_entries')
    .values({
      store_id: storeId,
      id,
      customer_id: code.customer_id,
      amount: -input.amount,
      currency: code.currency,
      case_id: null,
      note: `Redeemed: ${input.reference}`,
      code_id: code.id,
      entry_type: 'redeem',
      reference: input.reference,
      idempotency_key: input.idempotencyKey,
    })
    .execute();
  return {
    redemption_id: id,
    code: code.code,
    amount: input.amount,
    currency: code.currency,
    balance: after,
  };
}

export async function voidCredit(
  trx: Tx,
  storeId: string,
  codeText: string,
  reason: string,
  now = new Date(),
) {
  const code = await lockCode(trx, storeId, codeText);
  if (code.voided_at) throw new AppError('credit_void', 'This credit code was voided already');
  const left = await balance(trx, storeId, code.id);
  await trx
    .updateTable('store_credit_codes')
    .set({ voided_at: now })
    .where('store_id', '=', storeId)
    .where('id', '=', code.id)
    .execute();
  if (left > 0)
    await trx
      .insertInto('store_credit_entries')
      .values({
        store_id: storeId,
        id: randomUUID(),
        customer_id: code.customer_id,
        amount: -left,
        currency: code.currency,
        case_id: code.case_id,
        note: `Voided: ${reason}`,
        code_id: code.id,
        entry_type: 'void',
      })
      .execute();
  return left;
}

export async function reverseRedemption(trx: Tx, storeId: string, redemptionId: string) {
  const r = await trx
    .selectFrom('store_credit_entries')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', redemptionId)
    .where('entry_type', '=', 'redeem')
    .executeTakeFirst();
  if (!r?.code_id) throw new AppError('not_found', 'No such redemption');
  const code = await trx
    .selectFrom('store_credit_codes')
    .select(['code'])
    .where('store_id', '=', storeId)
    .where('id', '=', r.code_id)
    .executeTakeFirstOrThrow();
  await lockCode(trx, storeId, code.code);
  const inserted = await trx
    .insertInto('store_credit_entries')
    .values({
      store_id: storeId,
      id: randomUUID(),
      customer_id: r.customer_id,
      amount: -r.amount,
      currency: r.currency,
      case_id: null,
      note: `Reversed: ${r.reference ?? ''}`,
      code_id: r.code_id,
      entry_type: 'reversal',
      reference: r.reference,
      idempotency_key: `reversal:${r.id}`,
    })
    .onConflict((oc) =>
      oc.columns(['store_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new AppError('illegal_transition', 'This redemption was reversed already');
  return { code: code.code, amount: -r.amount, balance: await balance(trx, storeId, r.code_id) };
}

export async function codeView(trx: Tx, storeId: string, codeText: string, now = new Date()) {
  const code = await trx
    .selectFrom('store_credit_codes as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select([
      'c.id',
      'c.code',
      'c.currency',
      'c.case_id',
      'c.note',
      'c.created_at',
      'c.expires_at',
      'c.voided_at',
      'c.customer_id',
      'cu.email',
      'cu.name',
    ])
    .where('c.store_id', '=', storeId)
    .where('c.code', '=', codeText.trim().toUpperCase())
    .executeTakeFirst();
  if (!code) throw new AppError('not_found', 'No such credit code');
  const entries = await ledger(trx, storeId, { codeId: code.id });
  const left = entries.reduce((s, e) => s + e.amount, 0);
  return {
    code: code.code,
    currency: code.currency,
    balance: left,
    status: codeStatus({ ...code, balance: left }, now),
    expires_at: code.expires_at?.toISOString() ?? null,
    voided_at: code.voided_at?.toISOString() ?? null,
    case_id: code.case_id,
    note: code.note,
    customer: { id: code.customer_id, email: code.email, name: code.name },
    created_at: code.created_at.toISOString(),
    ledger: entries,
  };
}

export async function ledger(trx: Tx, storeId: string, by: { codeId?: string; customerId?: string }) {
  let q = trx
    .selectFrom('store_credit_entries as e')
    .leftJoin('store_credit_codes as c', 'c.id', 'e.code_id')
    .select([
      'e.id',
      'e.entry_type',
      'e.amount',
      'e.currency',
      'e.note',
      'e.reference',
      'e.case_id',
      'e.created_at',
      'c.code',
    ])
    .where('e.store_id', '=', storeId);
  if (by.codeId) q = q.where('e.code_id', '=', by.codeId);
  if (by.customerId) q = q.where('e.customer_id', '=', by.customerId);
  const rows = await q.orderBy('e.created_at').orderBy('e.id').execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount), created_at: r.created_at.toISOString() }));
}

/** A customer's credit: what each currency holds on codes still spendable, their codes, the ledger. */
export async function customerCredit(trx: Tx, storeId: string, customerId: string, now = new Date()) {
  const codes = await trx
    .selectFrom('store_credit_codes')
    .select(['id', 'code', 'currency', 'expires_at', 'voided_at', 'created_at', 'case_id'])
    .where('store_id', '=', storeId)
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .execute();
  const entries = await ledger(trx, storeId, { customerId });
  const byCode = new Map<string, number>();
  for (const e of entries) if (e.code) byCode.set(e.code, (byCode.get(e.code) ?? 0) + e.amount);
  const views = codes.map((c) => {
    const left = byCode.get(c.code) ?? 0;
    return {
      code: c.code,
      currency: c.currency,
      balance: left,
      status: codeStatus({ ...c, balance: left }, now),
      expires_at: c.expires_at?.toISOString() ?? null,
      case_id: c.case_id,
      created_at: c.created_at.toISOString(),
    };
  });
  const balances = new Map<string, number>();
  for (const v of views)
    if (v.status === 'active') balances.set(v.currency, (balances.get(v.currency) ?? 0) + v.balance);
  return {
    customer_id: customerId,
    balances: [...balances].map(([currency, amount]) => ({ currency, amount })),
    codes: views,
    ledger: entries,
  };
}
