// Who owns a case: one member of the store's staff, or nobody. Assigning changes ownership only,
// never the case itself, so it is allowed in every status: a finished return can still be handed
// to whoever pays a refund by hand or answers the customer's follow-up.
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { can, isRole } from '../../domain/roles.ts';
import { type Actor, userOf } from '../auth/actor.ts';
import { staffByIds } from '../auth/users.queries.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { lockCaseAssignee, setAssignee } from './cases.queries.ts';

/** `user_id: null` unassigns; `to: "me"` takes the case for the signed-in user. */
export interface AssignInput {
  user_id?: string | null | undefined;
  to?: 'me' | undefined;
}

export interface Assignee {
  id: string;
  name: string;
  email: string;
}

export async function assignCase(
  trx: Tx,
  actor: Actor,
  caseId: string,
  input: AssignInput,
): Promise<{ id: string; assignee: Assignee | null }> {
  const target = input.to === 'me' ? userOf(actor, 'to') : (input.user_id ?? null);
  const row = await lockCaseAssignee(trx, actor.storeId, caseId);
  if (!row) throw new AppError('not_found', 'Case not found');
  const ids = [row.assignee_user_id, target].filter((id): id is string => id !== null);
  const staff = await staffByIds(trx, actor.storeId, ids);
  const to = target === null ? null : staff.find((u) => u.id === target);
  if (to === undefined)
    throw new AppError('invalid_request', 'No staff user of this store has this id', {
      errors: [{ path: 'user_id', message: 'not a user of this store' }],
    });
  // A read-only user could see the case but never move it: owning it would stall it.
  if (to && !(isRole(to.role) && can(to.role, 'cases.assign')))
    throw new AppError('invalid_request', 'A read-only user cannot work a case', {
      errors: [{ path: 'user_id', message: 'this user has the read_only role' }],
    });
  const assignee = to ? { id: to.id, name: to.name, email: to.email } : null;
  if (row.assignee_user_id === target) return { id: row.id, assignee };

  const previous = row.assignee_user_id;
  const from = previous ? { id: previous, name: staff.find((u) => u.id === previous)?.name ?? null } : null;
  await setAssignee(trx, actor.storeId, row.id, target);
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: row.id,
    type: 'assigned',
    actor: actor.label,
    data: {
      from,
      to: to ? { id: to.id, name: to.name } : null,
    },
  });
  return { id: row.id, assignee };
}
