// Claims against suppliers, once built (create-claim.ts): moved through the supplier's answers and
// settled by the credits, refunds or replacements it gives. Every change is an event on the claim; a
// unit is on one claim only (a unique index), and a credit is counted once per supplier reference.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  acceptanceStatus,
  assertClaimStep,
  type ClaimStatus,
  type ClaimStep,
} from '../../domain/suppliers/claims.ts';
import type { Actor } from '../auth/actor.ts';
import { claimLetter, queueClaimMail, recordClaimNote } from './claim-mail.ts';

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
