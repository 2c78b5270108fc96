// Stock to put away: restocked and refurbished units wait per location until someone marks them on
// the shelf. Marking is idempotent per line (a line already put away is reported, not changed).
import type { Tx } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { awaitingPutAway, markPutAway } from './disposition.queries.ts';

export async function listPutAway(trx: Tx, storeId: string) {
  const rows = await awaitingPutAway(trx, storeId);
  const byLocation = new Map<string, typeof rows>();
  for (const r of rows) byLocation.set(r.location, [...(byLocation.get(r.location) ?? []), r]);
  return {
    locations: [...byLocation.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([location, lines]) => ({
        location,
        units: lines.reduce((s, l) => s + l.quantity, 0),
        lines,
      })),
  };
}

export async function putAway(
  trx: Tx,
  actor: Actor,
  lines: { case_id: string; line_id: string }[],
  now = new Date(),
) {
  const done = await markPutAway(trx, actor.storeId, lines, actor.label, now);
  for (const d of done)
    await insertEvent(trx, {
      store_id: actor.storeId,
      case_id: d.case_id,
      type: 'stock_put_away',
      actor: actor.label,
      data: { line_id: d.line_id, sku: d.sku, quantity: d.quantity, location: d.location },
    });
  const key = (l: { case_id: string; line_id: string }) => `${l.case_id}|${l.line_id}`;
  const marked = new Set(done.map(key));
  return {
    put_away: done,
    not_waiting: lines.filter((l) => !marked.has(key(l))),
  };
}
