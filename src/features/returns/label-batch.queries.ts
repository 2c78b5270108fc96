import type { Tx } from '../../db/schema.ts';

/** The stored label files of these returns (those that have one). */
export async function getLabelPdfs(trx: Tx, storeId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return trx
    .selectFrom('return_labels')
    .select(['case_id', 'label_pdf'])
    .where('store_id', '=', storeId)
    .where('case_id', 'in', caseIds)
    .where('label_pdf', 'is not', null)
    .execute()
    .then((rows) =>
      rows.flatMap((r) => (r.label_pdf ? [{ case_id: r.case_id, label_pdf: r.label_pdf }] : [])),
    );
}
