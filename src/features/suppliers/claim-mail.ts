// The conversation with a supplier about a claim, through the notification engine's outbox: a mail
// to the supplier is a case_messages row tied to the claim, queued in the transaction of the step
// that writes it and sent by the `messages.send` job (never twice; its Message-ID threads the
// supplier's answer back onto the claim). The claim's mail carries the claim document as PDF and
// CSV, made when it is sent. What was said on the phone or in a chat is recorded by hand beside it.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { formatMoney } from '../../i18n/index.ts';
import type { MailAttachment } from '../../integrations/smtp/mailer.ts';
import type { FileStore } from '../../integrations/storage/file-store.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { Actor } from '../auth/actor.ts';
import { getStore } from '../stores/stores.queries.ts';
import { claimDocumentCsv, claimDocumentPdf } from './claim-document.ts';
import { getClaimView } from './claim-view.ts';

async function claimParties(trx: Tx, storeId: string, claimId: string) {
  const row = await trx
    .selectFrom('supplier_claims as c')
    .innerJoin('suppliers as s', 's.id', 'c.supplier_id')
    .innerJoin('stores as st', 'st.id', 'c.store_id')
    .select([
      'c.number',
      'c.claimed_amount',
      'c.currency',
      's.email',
      's.name',
      'st.name as store_name',
      'st.slug',
    ])
    .where('c.store_id', '=', storeId)
    .where('c.id', '=', claimId)
    .executeTakeFirstOrThrow();
  // the thread so far: the newest message a reply answers, and the chain of ids before it
  const last = await trx
    .selectFrom('case_messages')
    .select(['message_id', 'reference_ids'])
    .where('store_id', '=', storeId)
    .where('supplier_claim_id', '=', claimId)
    .where('message_id', 'is not', null)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { ...row, last };
}

/** What every message about a claim has: no case, order or template; its own id and claim. */
const claimMessage = (storeId: string, id: string, claimId: string) => ({
  store_id: storeId,
  id,
  case_id: null,
  order_id: null,
  supplier_claim_id: claimId,
  template: null,
  intent: null,
  action: null,
  send_started_at: null,
  sent_at: null,
  last_error: null,
});

/** Queues a mail to the claim's supplier; `withDocument` attaches the claim as PDF and CSV. */
export async function queueClaimMail(
  trx: Tx,
  actor: Actor,
  claimId: string,
  input: { body: string; withDocument: boolean },
  now = new Date(),
): Promise<string> {
  const p = await claimParties(trx, actor.storeId, claimId);
  if (!p.email)
    throw new AppError(
      'invalid_request',
      `${p.name} has no email address: add one to the supplier, or record the message by hand`,
      {
        errors: [{ path: 'email', message: 'the supplier has no email address' }],
      },
    );
  const id = randomUUID();
  const subject = `${p.last ? 'Re: ' : ''}Claim ${p.number} from ${p.store_name}: ${formatMoney('en', p.claimed_amount, p.currency)}`;
  const refs = p.last ? [...(p.last.reference_ids ?? []), p.last.message_id as string].slice(-20) : [];
  await trx
    .insertInto('case_messages')
    .values({
      ...claimMessage(actor.storeId, id, claimId),
      direction: 'out',
      channel: 'email',
      author: actor.label,
      body: input.body,
      subject,
      status: 'queued',
      timing: 'direct',
      send_after: now,
      language: 'en',
      to_address: p.email,
      from_address: null,
      message_id: `<${id}@${p.slug}.aftersale>`,
      in_reply_to: p.last?.message_id ?? null,
      reference_ids: refs,
      attachments: JSON.stringify(
        input.withDocument
          ? [
              { filename: `${p.number}.pdf`, generated: 'claim_pdf' },
              { filename: `${p.number}.csv`, generated: 'claim_csv' },
            ]
          : [],
      ),
      read_at: now,
    })
    .execute();
  await enqueue(trx, actor.storeId, 'messages.send', { message_id: id }, now);
  return id;
}

/** A message said outside mail (phone, chat, a portal), or a mail the team pastes in. */
export async function recordClaimNote(
  trx: Tx,
  actor: Actor,
  claimId: string,
  input: { direction: 'in' | 'out'; body: string },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('case_messages')
    .values({
      ...claimMessage(actor.storeId, id, claimId),
      direction: input.direction,
      channel: 'manual',
      author: actor.label,
      body: input.body,
      subject: null,
      status: 'sent',
      timing: null,
      send_after: null,
      language: null,
      to_address: null,
      from_address: null,
      message_id: null,
      in_reply_to: null,
      read_at: new Date(),
    })
    .execute();
  return id;
}

/** The claim's documents for its mail, made when the mail goes out (what the claim is then). */
export async function claimMailAttachments(
  trx: Tx,
  files: FileStore | null,
  storeId: string,
  claimId: string,
  wanted: readonly { filename: string; generated?: string }[],
): Promise<MailAttachment[]> {
  const out: MailAttachment[] = [];
  for (const a of wanted) {
    if (a.generated === 'claim_pdf') {
      const doc = await claimDocumentPdf(trx, files, storeId, claimId);
      out.push({ filename: a.filename, content: doc.pdf, contentType: 'application/pdf' });
    } else if (a.generated === 'claim_csv') {
      const view = await getClaimView(trx, storeId, claimId);
      out.push({
        filename: a.filename,
        content: Buffer.from(claimDocumentCsv(view)),
        contentType: 'text/csv',
      });
    }
  }
  return out;
}

/** The sender job's hook: a supplier claim's mail gets its documents, any other mail nothing. */
export const supplierMailAttachments =
  (files: FileStore | null) =>
  (db: Tx, storeId: string, m: { supplier_claim_id: string | null; attachments: unknown }) =>
    m.supplier_claim_id && Array.isArray(m.attachments) && m.attachments.length
      ? claimMailAttachments(db, files, storeId, m.supplier_claim_id, m.attachments)
      : Promise.resolve([]);

/** A supplier's mail answering the claim's thread, kept on the claim with an event on its timeline. */
export async function recordSupplierReply(
  trx: Tx,
  storeId: string,
  claimId: string,
  mail: {
    from: { address: string; name: string };
    subject: string;
    body: string;
    messageId: string;
    inReplyTo: string | null;
    references: string[];
    attachments: string[];
  },
): Promise<string> {
  const id = randomUUID();
  const author = mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address;
  await trx
    .insertInto('case_messages')
    .values({
      ...claimMessage(storeId, id, claimId),
      direction: 'in',
      channel: 'email',
      author,
      body: mail.body,
      subject: mail.subject || null,
      status: 'sent',
      timing: null,
      send_after: null,
      language: null,
      to_address: null,
      from_address: mail.from.address,
      message_id: mail.messageId,
      in_reply_to: mail.inReplyTo,
      reference_ids: mail.references,
      attachments: JSON.stringify(mail.attachments.map((filename) => ({ filename, refused: 'not kept' }))),
      read_at: null,
    })
    .execute();
  await trx
    .insertInto('supplier_claim_events')
    .values({
      store_id: storeId,
      claim_id: claimId,
      type: 'message_in',
      actor: `supplier:${mail.from.address}`,
      data: JSON.stringify({ body: mail.body.slice(0, 2000), message_id: id, by: 'email' }),
    })
    .execute();
  return id;
}

/** The letter that goes with the claim's document: what is claimed, for what, under which terms. */
export async function claimLetter(trx: Tx, storeId: string, id: string, note: string): Promise<string> {
  const view = await getClaimView(trx, storeId, id);
  const store = await getStore(trx, storeId);
  const money = (n: number) => formatMoney('en', n, view.currency);
  const units = view.lines.reduce((n, l) => n + l.quantity, 0);
  const remedy = view.lines
    .map((l) => (l.position as { remedy?: string | null }).remedy)
    .find((r): r is string => typeof r === 'string');
  return [
    `Dear ${view.supplier.name},`,
    '',
    `please find attached our claim ${view.number}: ${units} unit${units === 1 ? '' : 's'}, ${money(view.claimed_amount)} in total${remedy ? `, for a ${remedy} under your return terms` : ''}.${view.deadline ? ` Your terms ask for it by ${view.deadline}.` : ''}`,
    ...(note ? ['', note] : []),
    '',
    ...view.lines.map(
      (l) =>
        `- ${l.quantity} × ${l.description}${l.sku ? ` (${l.sku})` : ''}: ${l.reason.replace(/_/g, ' ')}${l.case_number ? `, our case ${l.case_number}` : ''}, ${money(l.amount)}`,
    ),
    '',
    'The attached PDF has the photos and inspection results; the CSV has the same lines for your records.',
    'Please reply to this message with your decision and your reference.',
    '',
    'Kind regards,',
    store?.name ?? '',
  ].join('\n');
}
