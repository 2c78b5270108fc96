// A delivery report (bounce) about one of our messages: that message is marked failed, with the
// report's status and diagnostic, and its case's timeline says so.
import type { ParsedMail } from 'mailparser';
import type { Tx } from '../../db/schema.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { firstAddress } from './mail-parts.ts';

/** A delivery report about one of our messages: that message failed. */
export async function applyBounce(trx: Tx, storeId: string, parsed: ParsedMail, raw: string) {
  const type = String(
    parsed.headers.get('content-type')
      ? ((parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> }).params?.[
          'report-type'
        ] ?? '')
      : '',
  );
  const fromDaemon = /mailer-daemon|postmaster/i.test(firstAddress(parsed.from)?.address ?? '');
  if (type !== 'delivery-status' && !fromDaemon) return null;
  const ours = [...raw.matchAll(/Message-ID:\s*(<[^>\s]+@[^>\s]+\.aftersale>)/gi)].map((m) => m[1] as string);
  if (!ours.length) return null;
  const status = /Status:\s*([245]\.\d+\.\d+)/i.exec(raw)?.[1] ?? null;
  const diagnostic = /Diagnostic-Code:\s*([^\r\n]+)/i.exec(raw)?.[1] ?? parsed.subject ?? 'bounced';
  const hit = await trx
    .updateTable('case_messages')
    .set({
      status: 'failed',
      last_error: `Bounced${status ? ` (${status})` : ''}: ${diagnostic}`.slice(0, 1000),
    })
    .where('store_id', '=', storeId)
    .where('direction', '=', 'out')
    .where('message_id', 'in', ours)
    .returning(['id', 'case_id'])
    .executeTakeFirst();
  if (!hit) return null;
  if (hit.case_id)
    await insertEvent(trx, {
      store_id: storeId,
      case_id: hit.case_id,
      type: 'message_bounced',
      actor: 'system:mail',
      data: { message_id: hit.id, status, diagnostic },
    });
  return hit;
}
