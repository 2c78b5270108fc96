// The claim as the store sends it to its supplier: a PDF (the store and the supplier, the claim's
// number, status and deadline, each line with its order, reason, grade and amount in the supplier's
// currency, the total, and the photos from the cases) and the same lines as CSV for the supplier's
// spreadsheet. In English, the lingua franca of cross-border supply.
import { buffer } from 'node:stream/consumers';
import { stringify } from 'csv-stringify/sync';
import type { Tx } from '../../db/schema.ts';
import type { Address } from '../../domain/order.ts';
import { formatMoney } from '../../i18n/index.ts';
import { startReport } from '../../integrations/pdf/report.ts';
import type { FileStore } from '../../integrations/storage/file-store.ts';
import { getStore } from '../stores/stores.queries.ts';
import { type ClaimView, getClaimView } from './claim-view.ts';

const MAX_IMAGES = 24;
const money = (amount: number, currency: string) => formatMoney('en', amount, currency);

interface Evidence {
  files?: { id: string; content_type: string; name: string }[];
  grade?: string | null;
}

export function claimDocumentCsv(view: ClaimView): string {
  return stringify(
    view.lines.map((l) => ({
      claim: view.number,
      supplier: view.supplier.code,
      case: l.case_number ?? '',
      order: l.order_number ?? '',
      line: l.line_id ?? '',
      sku: l.sku ?? '',
      description: l.description,
      reason: l.reason,
      quantity: l.quantity,
      grade: (l.evidence as Evidence).grade ?? '',
      photos: (l.evidence as Evidence).files?.length ?? 0,
      currency: view.currency,
      amount: l.amount,
      accepted_amount: l.accepted_amount ?? '',
    })),
    { header: true },
  );
}

const addressText = (a: Partial<Address> | null | undefined) =>
  a
    ? [a.name, a.line1, a.line2, [a.postal_code, a.city].filter(Boolean).join(' '), a.region, a.country]
        .filter(Boolean)
        .join(', ')
    : '';

/** `files`: where the cases' photos are kept; without it the photos are listed, not drawn. */
export async function claimDocumentPdf(
  db: Tx,
  files: FileStore | null,
  storeId: string,
  id: string,
): Promise<{ number: string; pdf: Buffer }> {
  const view = await getClaimView(db, storeId, id);
  const store = await getStore(db, storeId);
  const wanted = view.lines.flatMap((l) =>
    ((l.evidence as Evidence).files ?? []).map((f) => ({ ...f, line: l.case_number ?? l.description })),
  );
  const images: { caption: string; bytes: Buffer }[] = [];
  for (const f of wanted.filter((f) => f.content_type === 'image/png' || f.content_type === 'image/jpeg')) {
    if (images.length >= MAX_IMAGES) break;
    const stored = await db
      .selectFrom('case_evidence')
      .select(['data', 'storage_key'])
      .where('store_id', '=', storeId)
      .where('id', '=', f.id)
      .executeTakeFirst();
    const bytes = stored?.storage_key
      ? files
        ? await buffer(files.read(stored.storage_key))
        : null
      : stored?.data;
    if (bytes) images.push({ caption: `${f.line}: ${f.name}`, bytes: Buffer.from(bytes) });
  }
  const pdf = await render(
    view,
    store?.name ?? 'Store',
    (store?.return_address ?? null) as Address | null,
    images,
  );
  return { number: view.number, pdf };
}

async function render(
  view: ClaimView,
  storeName: string,
  storeAddress: Address | null,
  images: { caption: string; bytes: Buffer }[],
): Promise<Buffer> {
  const { write, heading, photos, finish, doc } = await startReport({
    title: `Claim ${view.number} to ${view.supplier.name}`,
    author: storeName,
    created: new Date(view.created_at),
  });
  write(storeName, { bold: true, size: 18 });
  if (storeAddress) write(addressText(storeAddress), { color: '#555555', gap: 1 });
  write(`Claim ${view.number}`, { bold: true, size: 16, gap: 0.3 });
  write(
    `To: ${view.supplier.name} (${view.supplier.code})${view.supplier.email ? ` <${view.supplier.email}>` : ''}`,
  );
  const ret = view.supplier.return_address as Partial<Address> | null;
  if (ret) write(`Return address: ${addressText(ret)}`);
  write(`Status: ${view.status.replace('_', ' ')}`);
  if (view.deadline) write(`Your terms ask for this claim by: ${view.deadline}`);
  if (view.supplier_reference) write(`Your reference: ${view.supplier_reference}`);
  write(`Amount claimed: ${money(view.claimed_amount, view.currency)}`, { bold: true, gap: 0.5 });
  if (view.note) write(view.note, { gap: 0.5 });

  heading('Units claimed', 13);
  for (const l of view.lines) {
    const ev = l.evidence as Evidence;
    write(
      `${l.quantity} × ${l.description}${l.sku ? ` (${l.sku})` : ''}: ${money(l.amount, view.currency)}`,
      { bold: true, size: 10 },
    );
    const where = [l.case_number && `case ${l.case_number}`, l.order_number && `order ${l.order_number}`]
      .filter(Boolean)
      .join(', ');
    write(
      [
        `Reason: ${l.reason.replace(/_/g, ' ')}`,
        where,
        ev.grade ? `inspection grade ${ev.grade}` : '',
        ev.files?.length ? `${ev.files.length} photo(s)` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      { size: 9, color: '#444444', gap: 0.3 },
    );
  }
  write(`Total: ${money(view.claimed_amount, view.currency)}`, { bold: true, gap: 0.5 });

  if (images.length) {
    doc.addPage();
    write('Photos', { bold: true, size: 13, gap: 0.3 });
    photos(images);
  }
  return finish(view.number);
}
