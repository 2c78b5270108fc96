// The inbox and the outbox across cases: every message with its case, newest first, filtered by
// direction, status, channel, unread, text. The console's mail catcher reads the outbox here.
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';

export interface MessageFilter {
  direction?: 'in' | 'out' | 'internal' | undefined;
  status?: 'queued' | 'held' | 'sent' | 'failed' | undefined;
  channel?: string | undefined;
  unread?: boolean | undefined;
  q?: string | undefined;
  case_id?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listAllMessages(trx: Tx, storeId: string, f: MessageFilter) {
  const after = decodeCursor<{ at: string; id: string }>(f.cursor, ['at', 'id']);
  let q = trx
    .selectFrom('case_messages as m')
    .leftJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('orders as o', 'o.id', 'm.order_id')
    .select([
      'm.order_id',
      'm.id',
      'm.case_id',
      'c.number as case_number',
      'c.kind as case_kind',
      'c.status as case_status',
      'c.priority',
      'o.number as order_number',
      'm.direction',
      'm.channel',
      'm.status',
      'm.subject',
      sql<string>`left(m.body, 300)`.as('excerpt'),
      'm.language',
      'm.intent',
      'm.template',
      'm.to_address',
      'm.from_address',
      'm.author',
      'm.send_after',
      'm.sent_at',
      'm.read_at',
      'm.last_error',
      'm.at',
    ])
    .where('m.store_id', '=', storeId);
  if (f.direction) q = q.where('m.direction', '=', f.direction);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.channel) q = q.where('m.channel', '=', f.channel);
  if (f.case_id) q = q.where('m.case_id', '=', f.case_id);
  if (f.unread) q = q.where('m.direction', '=', 'in').where('m.read_at', 'is', null);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('m.body', 'ilike', like),
        eb('m.subject', 'ilike', like),
        eb('c.number', 'ilike', like),
        eb('o.number', 'ilike', like),
        eb('m.from_address', 'ilike', like),
        eb('m.to_address', 'ilike', like),
      ]),
    );
  }
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('m.at', '<', new Date(after.at)),
        eb.and([eb('m.at', '=', new Date(after.at)), eb('m.id', '<', after.id)]),
      ]),
    );
  const rows = await q
    .orderBy('m.at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    data: page.map((m) => ({
      ...m,
      at: m.at.toISOString(),
      send_after: iso(m.send_after),
      sent_at: iso(m.sent_at),
      read_at: iso(m.read_at),
    })),
    next_cursor:
      rows.length > f.limit && last ? encodeCursor({ at: last.at.toISOString(), id: last.id }) : null,
  };
}

/** Unread customer messages per case kind, for the queues' badges. */
export async function unreadCounts(trx: Tx, storeId: string) {
  const rows = await trx
    .selectFrom('case_messages as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select([
      'c.kind',
      sql<number>`count(DISTINCT m.case_id)::int`.as('cases'),
      sql<number>`count(*)::int`.as('messages'),
    ])
    .where('m.store_id', '=', storeId)
    .where('m.direction', '=', 'in')
    .where('m.read_at', 'is', null)
    .groupBy('c.kind')
    .execute();
  return {
    total_messages: rows.reduce((s, r) => s + r.messages, 0),
    total_cases: rows.reduce((s, r) => s + r.cases, 0),
    by_kind: Object.fromEntries(rows.map((r) => [r.kind, { cases: r.cases, messages: r.messages }])),
  };
}
