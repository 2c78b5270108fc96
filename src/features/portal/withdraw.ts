// The EU "withdraw from contract here" function (Directive 2011/83/EU art. 11a, in force since
// 19 June 2026): the consumer names themselves, the order and the goods, confirms in a second step,
// and gets an acknowledgement with the content, date and time on a durable medium. The declaration
// is stored as its own record and starts a return for the goods.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { jurisdictionFor } from '../../domain/jurisdictions.ts';
import { formatDateTime, normalizeLanguage, t } from '../../i18n/index.ts';
import type { Actor } from '../auth/actor.ts';
import { loadOrder } from '../orders/load-order.ts';
import { checkEligibility } from '../returns/check-eligibility.ts';
import { requestReturn } from '../returns/request-return.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { insertWithdrawal } from './portal.queries.ts';

export interface WithdrawalInput {
  name: string;
  email: string;
  lines?: { line_id: string; quantity: number }[] | undefined;
  language?: string | undefined;
}

export async function declareWithdrawal(
  trx: Tx,
  actor: Actor,
  orderId: string,
  input: WithdrawalInput,
  now = new Date(),
) {
  const stored = await loadOrder(trx, actor.storeId, orderId);
  if (!stored) throw new AppError('not_found', 'Order not found');
  const order = stored.order;
  const language = normalizeLanguage(input.language ?? order.customer.language);
  const regime = jurisdictionFor(order.shipping_address.country).regime;
  if (regime !== 'EU' && regime !== 'UK')
    throw new AppError('not_eligible', t(language, 'portal.withdrawal_not_applicable'), { explanations: [] });
  // Without a choice of lines, the declaration covers every unit that can still be withdrawn.
  const lines =
    input.lines ??
    (
      await checkEligibility(
        trx,
        actor.storeId,
        orderId,
        { reason: 'changed_mind', method: 'label', language },
        now,
      )
    ).lines
      .filter((l) => l.eligible && l.quantity > 0)
      .map((l) => ({ line_id: l.line_id, quantity: l.quantity }));
  if (lines.length === 0)
    throw new AppError('not_eligible', 'Nothing in this order can be withdrawn any more', {
      explanations: [],
    });
  const caseId = await requestReturn(
    trx,
    actor,
    {
      order_id: orderId,
      lines: lines.map((l) => ({ ...l, reason: 'changed_mind', note: '', opened: false })),
      resolution: { type: 'refund' },
      method: 'label',
      language,
    },
    now,
  );
  const items = lines
    .map((l) => {
      const line = order.lines.find((x) => x.id === l.line_id);
      return `${l.quantity} × ${line?.title ?? l.line_id}${line?.variant ? ` (${line.variant})` : ''}`;
    })
    .join('; ');
  const timeZone = order.customer.time_zone ?? 'UTC';
  const statement = t(language, 'portal.withdrawal_statement', {
    name: input.name,
    items,
    order: order.number,
    date: formatDateTime(language, now.toISOString(), timeZone),
  });
  const id = randomUUID();
  await insertWithdrawal(trx, {
    store_id: actor.storeId,
    id,
    order_id: orderId,
    case_id: caseId,
    name: input.name,
    email: input.email.toLowerCase(),
    statement,
    lines: JSON.stringify(lines),
    language,
    declared_at: now,
  });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: caseId,
    type: 'withdrawal_declared',
    actor: actor.label,
    data: { withdrawal_id: id, statement },
  });
  return {
    id,
    case_id: caseId,
    declared_at: now.toISOString(),
    statement,
    order_number: order.number,
    lines,
  };
}
