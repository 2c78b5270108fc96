// Satisfaction after a case: some days after it is resolved (the store's survey_after_days), the
// customer gets a short survey at their daytime, a signed link into the portal; they rate 1-5 and
// may add a comment, once. A score of 2 or less opens a case for the team, so an unhappy customer
// hears from a person. CSAT (the share of 4s and 5s) by week, product, reason and agent.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.ts';
import type { Alongside } from '../../db/with.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { createCase } from '../cases/create-case.ts';
import { messageWrites } from '../notifications/notify.ts';
import type { Recipient } from '../notifications/recipient.ts';

export const LOW_SCORE = 2;

/**
 * The survey for a resolved case and its message, as writes for one statement (the case's own, when
 * it rides with the resolution); none when the case has its survey already or the store switched
 * surveys off. The case is locked by the step that resolves it, so two cannot both find none.
 */
export function surveyWrites(r: Recipient, now = new Date()): Alongside[] {
  if (!r.caseId || r.kind === 'dispute' || r.surveyed) return [];
  const raw = r.settings.survey_after_days;
  const days = raw === undefined ? 3 : raw;
  if (days === null) return [];
  const caseId = r.caseId;
  const message = messageWrites(
    r,
    {
      template: 'survey',
      values: {},
      inReplyTo: null,
      notBefore: new Date(now.getTime() + days * 86_400_000),
    },
    now,
  );
  return [
    (db) =>
      db
        .insertInto('surveys')
        .values({
          store_id: r.storeId,
          id: randomUUID(),
          case_id: caseId,
          order_id: r.orderId,
          kind: r.kind,
          agent_user_id: r.assigneeId,
          language: r.language,
        })
        .onConflict((oc) => oc.columns(['store_id', 'case_id']).doNothing()),
    ...(message?.writes ?? []),
  ];
}

export async function surveyOf(trx: Tx, storeId: string, orderId: string, caseId: string) {
  const s = await trx
    .selectFrom('surveys as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.id', 's.case_id', 'c.number', 's.kind', 's.score', 's.comment', 's.answered_at'])
    .where('s.store_id', '=', storeId)
    .where('s.order_id', '=', orderId)
    .where('s.case_id', '=', caseId)
    .executeTakeFirst();
  if (!s) throw new AppError('not_found', 'No survey for this case');
  return {
    case_id: s.case_id,
    case_number: s.number,
    kind: s.kind,
    score: s.score,
    comment: s.comment,
    answered_at: s.answered_at?.toISOString() ?? null,
  };
}

/** The customer's answer, once; 2 or less opens a case for the team. */
export async function answerSurvey(
  trx: Tx,
  actor: Actor,
  orderId: string,
  caseId: string,
  input: { score: number; comment: string | null },
) {
  const s = await trx
    .selectFrom('surveys')
    .select(['id', 'answered_at'])
    .where('store_id', '=', actor.storeId)
    .where('order_id', '=', orderId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!s) throw new AppError('not_found', 'No survey for this case');
  if (s.answered_at) throw new AppError('conflict', 'This survey was answered already: thank you');
  let followUp: string | null = null;
  if (input.score <= LOW_SCORE) {
    const number = (
      await trx.selectFrom('cases').select('number').where('id', '=', caseId).executeTakeFirstOrThrow()
    ).number;
    followUp = await createCase(
      trx,
      { ...actor, label: 'system:survey' },
      {
        kind: 'inquiry',
        order_id: orderId,
        data: {
          subject: `Unhappy after ${number}: rated ${input.score}/5`,
          message: input.comment?.trim() || `Rated ${input.score} of 5, without a comment.`,
        },
      },
    );
    await trx
      .updateTable('cases')
      .set({
        priority: 'high',
        data: sql`data || ${JSON.stringify({ source: 'survey', survey_case_id: caseId, score: input.score })}::jsonb`,
      })
      .where('store_id', '=', actor.storeId)
      .where('id', '=', followUp)
      .execute();
  }
  await trx
    .updateTable('surveys')
    .set({ score: input.score, comment: input.comment, answered_at: new Date(), follow_up_case_id: followUp })
    .where('id', '=', s.id)
    .execute();
  return { case_id: caseId, score: input.score, follow_up_case_id: followUp };
}
