// The stored labels of a batch of returns as one PDF, in the order asked, so the warehouse prints a
// morning's parcels at once. Labels are whatever file the carrier gave (our offline PDF or a
// carrier's), so the pages are copied, not redrawn (pdf-lib).
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { getLabelPdfs } from './label-batch.queries.ts';

export async function labelBatch(trx: Tx, storeId: string, ids: string[]): Promise<Buffer> {
  const stored = await getLabelPdfs(trx, storeId, ids);
  const byCase = new Map(stored.map((s) => [s.case_id, s.label_pdf]));
  const { PDFDocument } = await import('pdf-lib');
  const out = await PDFDocument.create();
  out.setTitle('Return labels');
  for (const id of ids) {
    const file = byCase.get(id);
    if (!file) continue;
    const src = await PDFDocument.load(file);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  if (out.getPageCount() === 0) throw new AppError('not_found', 'None of these returns has a label yet');
  return Buffer.from(await out.save());
}
