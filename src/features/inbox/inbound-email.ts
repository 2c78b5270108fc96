// Mail in: a raw RFC 5322 message (POST /api/v1/inbound/email, or the SMTP listener) parsed with
// mailparser, threaded onto its case (its In-Reply-To/References first, then an RMA, case or order
// number in the subject, from the customer of that order), else an `inquiry` case on the sender's
// latest order. Its text, language and intent are kept on the message; its photos and videos go
// through the same checks as any evidence and join the case. A delivery report (bounce) for one of
// our messages marks that message failed instead. The same Message-ID twice changes nothing.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { roomFor } from '../../domain/evidence-limits.ts';
import type { Actor } from '../auth/actor.ts';
import { evidenceBytesUsed } from '../cases/cases.queries.ts';
import { createCase } from '../cases/create-case.ts';
import { type EvidenceDeps, type Received, recognise, recordEvidence } from '../cases/evidence.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { recordSupplierReply } from '../suppliers/claim-mail.ts';
import type { Intent } from './intent/intents.ts';
import { applyBounce } from './mail-bounce.ts';
import { firstAddress, headerIds, parseEmail, textOf } from './mail-parts.ts';
import { caseByHeaders, caseBySubject, latestOrderOf, openCaseOf } from './mail-threading.ts';
import { PRIORITIES, priorityOf } from './routing.ts';

export interface Classification {
  language: string;
  intent: Intent;
  confidence: number;
}
export type Classifier = (input: {
  subject?: string | null;
  text: string;
  languageHint?: string | null;
}) => Promise<Classification>;

export interface InboundResult {
  /** null for the bounce of news about an order that no case is about, and a supplier's mail */
  case_id: string | null;
  /** a supplier's answer about a claim lands on the claim */
  supplier_claim_id?: string;
  message_id: string;
  /** a new inquiry case was opened for it */
  opened_case: boolean;
  /** this Message-ID was received before: nothing changed */
  duplicate: boolean;
  language: string | null;
  intent: string | null;
  /** attachments that were not kept as evidence, and why */
  refused_attachments: { filename: string; reason: string }[];
}

/** Writes an attachment to the file store and checks it as evidence; a refusal is returned, not thrown. */
async function keepAttachment(
  deps: EvidenceDeps,
  a: ParsedMail['attachments'][number],
  room: number,
): Promise<Received | { refused: string }> {
  const filename = a.filename || 'attachment';
  if (room <= 0) return { refused: 'no room left for files on this case' };
  try {
    const stored = await deps.files.write(Readable.from(a.content), room);
    try {
      const content_type = await recognise(stored, filename, deps.limits);
      return { ...stored, filename, content_type };
    } catch (err) {
      await deps.files.remove(stored.key);
      return { refused: err instanceof AppError ? err.message : String(err) };
    }
  } catch (err) {
    return { refused: err instanceof Error ? `too large: ${err.message}` : 'too large' };
  }
}

export async function receiveEmail(
  database: Database,
  deps: EvidenceDeps & { classify: Classifier },
  actor: Actor,
  raw: Buffer,
): Promise<InboundResult & { status: 200 | 201 }> {
  const parsed = await parseEmail(raw);
  const sender = firstAddress(parsed.from) as { address: string; name: string };
  const storeId = actor.storeId;
  const messageId = parsed.messageId?.trim() || `<inbound-${randomUUID()}@aftersale.invalid>`;
  const text = textOf(parsed);
  const subject = parsed.subject?.trim() ?? '';

  const seen = await database.db
    .selectFrom('case_messages')
    .select(['id', 'case_id', 'language', 'intent'])
    .where('store_id', '=', storeId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  if (seen)
    return {
      status: 200,
      case_id: seen.case_id,
      message_id: seen.id,
      opened_case: false,
      duplicate: true,
      language: seen.language,
      intent: seen.intent,
      refused_attachments: [],
    };

  const bounced = await database.db
    .transaction()
    .execute((trx) => applyBounce(trx, storeId, parsed, raw.toString('utf8')));
  if (bounced)
    return {
      status: 201,
      case_id: bounced.case_id,
      message_id: bounced.id,
      opened_case: false,
      duplicate: false,
      language: null,
      intent: null,
      refused_attachments: [],
    };

  // where it belongs, decided before anything is written
  const ids = headerIds(parsed);
  // a supplier answering the store's mail about a claim
  const claim = ids.length
    ? await database.db
        .selectFrom('case_messages')
        .select('supplier_claim_id')
        .where('store_id', '=', storeId)
        .where('message_id', 'in', ids)
        .where('supplier_claim_id', 'is not', null)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  if (claim?.supplier_claim_id)
    return database.db.transaction().execute(async (trx) => {
      const id = await recordSupplierReply(trx, storeId, claim.supplier_claim_id as string, {
        from: sender,
        subject,
        body: text.slice(0, 100_000),
        messageId,
        inReplyTo: parsed.inReplyTo ?? null,
        references: ids.slice(0, 20),
        attachments: (parsed.attachments ?? []).map((a) => a.filename || 'attachment'),
      });
      return {
        status: 201 as const,
        case_id: null,
        supplier_claim_id: claim.supplier_claim_id as string,
        message_id: id,
        opened_case: false,
        duplicate: false,
        language: null,
        intent: null,
        refused_attachments: (parsed.attachments ?? []).map((a) => ({
          filename: a.filename || 'attachment',
          reason: "a supplier's attachments are not kept yet: ask for them on the claim",
        })),
      };
    });
  const byHeaders = await caseByHeaders(database.db, storeId, ids);
  let caseId = byHeaders?.caseId ?? undefined;
  // an answer to news about the order (tracking): the order's open case, else a new inquiry on it
  let orderId = byHeaders && !caseId ? (byHeaders.orderId ?? undefined) : undefined;
  if (orderId) caseId = await openCaseOf(database.db, storeId, orderId);
  if (!caseId && !orderId) {
    const bySubject = await caseBySubject(database.db, storeId, subject, sender.address);
    caseId = bySubject?.caseId;
    orderId = bySubject?.orderId;
    if (orderId) caseId = await openCaseOf(database.db, storeId, orderId);
  }
  const latest = caseId || orderId ? undefined : await latestOrderOf(database.db, storeId, sender.address);
  if (!caseId && !orderId && !latest)
    throw new AppError(
      'no_matching_order',
      `No order of ${sender.address} in this store, and the message names no case or order of theirs`,
    );
  const hint = latest?.customer_language ?? null;
  const classification = await deps.classify({ subject, text, languageHint: hint });

  // attachments: checked as evidence, written before the transaction, removed again if it fails
  const kept: Received[] = [];
  const refused: { filename: string; reason: string }[] = [];
  const attachments = (parsed.attachments ?? []).filter((a) => a.contentType !== 'message/delivery-status');
  let used = caseId ? await evidenceBytesUsed(database.db, storeId, caseId) : { case: 0, customer: 0 };
  for (const a of attachments) {
    const room = roomFor(deps.limits, used);
    const out = await keepAttachment(deps, a, room);
    if ('refused' in out) refused.push({ filename: a.filename || 'attachment', reason: out.refused });
    else {
      kept.push(out);
      used = { case: used.case + out.size, customer: used.customer + out.size };
    }
  }

  try {
    return await database.db.transaction().execute(async (trx) => {
      let opened = false;
      let target = caseId;
      if (!target) {
        const forOrder = orderId ?? (latest?.id as string);
        target = await createCase(
          trx,
          { ...actor, label: 'system:inbound_email' },
          {
            kind: 'inquiry',
            order_id: forOrder,
            // the message itself is written below, with its mail headers
            data: { subject: subject.slice(0, 200) || '(no subject)', message: '' },
          },
        );
        // what the customer asked, shown on the case (and routing it)
        await trx
          .updateTable('cases')
          .set({
            data: sql`data || ${JSON.stringify({ channel: 'email', language: classification.language, intent: classification.intent })}::jsonb`,
          })
          .where('store_id', '=', storeId)
          .where('id', '=', target)
          .execute();
        opened = true;
      }
      const id = randomUUID();
      const evidence = kept.length
        ? await recordEvidence(
            trx,
            deps.limits,
            { ...actor, label: `customer:${sender.address}` },
            target,
            null,
            kept,
          )
        : [];
      await trx
        .insertInto('case_messages')
        .values({
          store_id: storeId,
          id,
          case_id: target,
          order_id: sql<string>`(SELECT order_id FROM cases WHERE id = ${target})`,
          direction: 'in',
          channel: 'email',
          author: sender.name ? `${sender.name} <${sender.address}>` : sender.address,
          from_address: sender.address,
          subject: subject || null,
          body: text.slice(0, 100_000),
          status: 'sent',
          language: classification.language,
          intent: classification.intent,
          message_id: messageId,
          in_reply_to: parsed.inReplyTo ?? null,
          reference_ids: ids.slice(0, 20),
          attachments: JSON.stringify([
            ...evidence.map((e) => ({ evidence_id: e.id, filename: e.filename })),
            ...refused.map((r) => ({ filename: r.filename, refused: r.reason })),
          ]),
        })
        .execute();
      if (opened)
        // the acknowledgement the new case queued answers this message (threading in the customer's mail)
        await trx
          .updateTable('case_messages')
          .set({ in_reply_to: messageId, reference_ids: [...ids.slice(0, 19), messageId] })
          .where('store_id', '=', storeId)
          .where('case_id', '=', target)
          .where('direction', '=', 'out')
          .where('at', '=', sql<Date>`now()`)
          .execute();
      await insertEvent(trx, {
        store_id: storeId,
        case_id: target,
        type: 'message_received',
        actor: `customer:${sender.address}`,
        data: {
          message_id: id,
          channel: 'email',
          language: classification.language,
          intent: classification.intent,
        },
      });
      // routing: the customer's words raise the case's priority, never lower it
      const priority = priorityOf(classification.intent);
      await trx
        .updateTable('cases')
        .set({ priority })
        .where('store_id', '=', storeId)
        .where('id', '=', target)
        .where(
          sql<boolean>`array_position(${sql.val(PRIORITIES)}::text[], priority) < array_position(${sql.val(PRIORITIES)}::text[], ${priority})`,
        )
        .execute();
      return {
        status: 201 as const,
        case_id: target,
        message_id: id,
        opened_case: opened,
        duplicate: false,
        language: classification.language,
        intent: classification.intent,
        refused_attachments: refused,
      };
    });
  } catch (err) {
    await Promise.all(kept.map((f) => deps.files.remove(f.key)));
    throw err;
  }
}
