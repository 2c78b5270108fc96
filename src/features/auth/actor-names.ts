// Who did it, in words: events record actors as `user:<email>`, `token:<name>`, `customer:<email>`
// or `system:<rule>`; the timeline shows staff by name, API tokens by their name, the customer as the
// customer, and what a system rule was, instead of raw ids.
import type { Tx } from '../../db/schema.ts';
import { staffByEmails } from './staff-names.queries.ts';

export type ActorView =
  | { kind: 'user'; name: string; email: string; role: string | null }
  | { kind: 'token'; name: string }
  | { kind: 'customer'; email: string }
  | { kind: 'system'; rule: string };

export async function describeActors(
  trx: Tx,
  storeId: string,
  labels: string[],
): Promise<Map<string, ActorView>> {
  const emails = [...new Set(labels.filter((l) => l.startsWith('user:')).map((l) => l.slice(5)))];
  const staff = new Map((await staffByEmails(trx, storeId, emails)).map((u) => [u.email, u]));
  const out = new Map<string, ActorView>();
  for (const label of new Set(labels)) {
    const at = label.indexOf(':');
    const [kind, rest] = at < 0 ? ['system', label] : [label.slice(0, at), label.slice(at + 1)];
    if (kind === 'user') {
      const u = staff.get(rest);
      // a user deleted since keeps their email as their name
      out.set(label, { kind: 'user', name: u?.name ?? rest, email: rest, role: u?.role ?? null });
    } else if (kind === 'token') out.set(label, { kind: 'token', name: rest });
    else if (kind === 'customer') out.set(label, { kind: 'customer', email: rest });
    else out.set(label, { kind: 'system', rule: rest || 'system' });
  }
  return out;
}
