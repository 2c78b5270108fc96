// One action on many returns from a queue (approve, assign, issue labels). Each return is its own transaction,
// so one that cannot move (already approved by a colleague, another store's id) is reported and
// the others still go through; the answer says, per return, what happened.
import type { Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { can, type Permission } from '../../domain/roles.ts';
import type { Carrier } from '../../integrations/carriers/carrier.ts';
import type { Actor } from '../auth/actor.ts';
import { type AssignInput, assignCase } from '../cases/assign-case.ts';
import type { StoreCarrier } from './issue-label.ts';
import { issueLabel } from './issue-label.ts';
import { approveReturn } from './review-return.ts';

export type BulkAction = { action: 'approve' } | { action: 'label' } | ({ action: 'assign' } & AssignInput);

const NEEDS: Record<BulkAction['action'], Permission> = {
  approve: 'returns.review',
  assign: 'cases.assign',
  label: 'returns.label',
};

export interface BulkResult {
  id: string;
  ok: boolean;
  code?: string;
  detail?: string;
}

export async function bulkReturns(
  database: Database,
  labels: { carrier?: Carrier; carrierFor?: StoreCarrier; portalUrl: string },
  actor: Actor,
  ids: string[],
  action: BulkAction,
): Promise<BulkResult[]> {
  if (actor.role === 'customer' || !can(actor.role, NEEDS[action.action]))
    throw new AppError('forbidden', `Your role may not ${action.action} returns`);
  const out: BulkResult[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await database.db.transaction().execute(async (trx) => {
        if (action.action === 'approve') await approveReturn(trx, actor, id);
        else if (action.action === 'label') await issueLabel(trx, actor, id, labels);
        else await assignCase(trx, actor, id, action);
      });
      out.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push({ id, ok: false, code: err.code, detail: err.message });
    }
  }
  return out;
}
