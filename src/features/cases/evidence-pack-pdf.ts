// The dispute evidence pack as a PDF a payment provider's reviewer reads: a cover with the dispute
// and a one-paragraph summary, then the order and payment, fulfilment and tracking, refunds already
// made, what the customer and the store wrote (never internal notes), the return policy in force at
// checkout, the timeline of every case of the order, and the photos. Written in English for the
// reviewer; what customers wrote stays in their words, each run in a font that draws its script.
import type { Address } from '../../domain/order.ts';
import { formatDateTime, formatMoney } from '../../i18n/index.ts';
import { startReport } from '../../integrations/pdf/report.ts';

export interface EvidencePackInput {
  store: { name: string; return_address: Address };
  dispute: {
    number: string;
    provider: string;
    provider_dispute_id: string | null;
    amount: number;
    currency: string;
    reason: string;
    evidence_due_by: string | null;
    status: string;
  };
  order: {
    number: string;
    placed_at: string;
    currency: string;
    total: number;
    paid: number;
    refunded: number;
    customer: { name: string | null; email: string };
    shipping_address: Address;
    lines: { sku: string; title: string; quantity: number; unit_price: number }[];
    payments: { provider: string; reference: string | null; amount: number }[];
  };
  fulfillments: {
    id: string;
    carrier: string | null;
    tracking_number: string | null;
    shipped_at: string | null;
    delivered_at: string | null;
  }[];
  refunds: { amount: number; currency: string; status: string; created_at: string }[];
  messages: { direction: 'in' | 'out'; author: string; body: string; at: string }[];
  policy: { version: number; created_at: string; summary: string[] } | null;
  timeline: { at: string; type: string; actor: string; note: string | null }[];
  images: { filename: string; content_type: string; bytes: Buffer }[];
  generated_at: string;
}

const money = (amount: number, currency: string) => formatMoney('en', amount, currency);
const when = (iso: string | null) => (iso ? formatDateTime('en', iso, 'UTC') : '—');

function addressText(a: Address): string {
  return [a.name, a.line1, a.line2, [a.postal_code, a.city].filter(Boolean).join(' '), a.region, a.country]
    .filter(Boolean)
    .join(', ');
}

/** What happened to the goods, in one paragraph the reviewer reads first. */
export function summaryOf(input: EvidencePackInput): string {
  const o = input.order;
  const parts = [
    `Order ${o.number} was placed on ${when(o.placed_at)} by ${o.customer.name ?? o.customer.email} for ${money(o.total, o.currency)}.`,
  ];
  const delivered = input.fulfillments.filter((f) => f.delivered_at);
  const shipped = input.fulfillments.filter((f) => f.shipped_at && !f.delivered_at);
  for (const f of delivered)
    parts.push(
      `Parcel ${f.id} was delivered on ${when(f.delivered_at)}${f.carrier ? ` by ${f.carrier}` : ''}${f.tracking_number ? ` (tracking ${f.tracking_number})` : ''} to ${addressText(o.shipping_address)}.`,
    );
  for (const f of shipped)
    parts.push(
      `Parcel ${f.id} shipped on ${when(f.shipped_at)}${f.tracking_number ? ` (tracking ${f.tracking_number})` : ''} and has not been reported delivered.`,
    );
  if (input.fulfillments.length === 0) parts.push('Nothing of the order has shipped.');
  const refunded = input.refunds.filter((r) => r.status === 'succeeded').reduce((s, r) => s + r.amount, 0);
  if (refunded > 0) parts.push(`${money(refunded, o.currency)} has already been refunded to the customer.`);
  return parts.join(' ');
}

export async function renderEvidencePack(input: EvidencePackInput): Promise<Buffer> {
  const d = input.dispute;
  const created = new Date(input.generated_at);
  const { doc, write, heading, photos, finish } = await startReport({
    title: `Dispute ${d.number}: ${money(d.amount, d.currency)}`,
    subject:
      `Evidence for ${d.provider} dispute ${d.provider_dispute_id ?? ''} on order ${input.order.number}`.trim(),
    author: input.store.name,
    created,
  });
  const row = (label: string, value: string) => write(`${label}: ${value}`);

  // cover
  write(input.store.name, { bold: true, size: 18 });
  write(addressText(input.store.return_address), { color: '#555555', gap: 1 });
  write(`Evidence for dispute ${d.number}`, { bold: true, size: 16, gap: 0.4 });
  row('Provider', `${d.provider}${d.provider_dispute_id ? ` (${d.provider_dispute_id})` : ''}`);
  row('Amount disputed', money(d.amount, d.currency));
  row('Reason given', d.reason);
  row('Evidence due by', when(d.evidence_due_by));
  row('Status', d.status);
  doc.moveDown(0.6);
  write(summaryOf(input), { gap: 0.5 });

  heading('Order and payment');
  const o = input.order;
  row('Order', `${o.number}, placed ${when(o.placed_at)}`);
  row('Customer', `${o.customer.name ?? ''} <${o.customer.email}>`);
  row('Ship to', addressText(o.shipping_address));
  for (const l of o.lines)
    write(`• ${l.quantity} × ${l.title} (${l.sku}) at ${money(l.unit_price, o.currency)}`);
  row('Total', money(o.total, o.currency));
  for (const p of o.payments)
    write(
      `Paid ${money(p.amount, o.currency)} through ${p.provider}${p.reference ? ` (${p.reference})` : ''}`,
    );

  heading('Fulfilment, tracking and delivery');
  if (input.fulfillments.length === 0) write('Nothing shipped.');
  for (const f of input.fulfillments)
    write(
      `Parcel ${f.id}: ${f.carrier ?? 'carrier not recorded'}, tracking ${f.tracking_number ?? 'none'}; shipped ${when(f.shipped_at)}; delivered ${when(f.delivered_at)}`,
    );

  heading('Refunds already made');
  if (input.refunds.length === 0) write('None.');
  for (const r of input.refunds) write(`${when(r.created_at)}: ${money(r.amount, r.currency)} (${r.status})`);

  heading('Correspondence with the customer');
  if (input.messages.length === 0) write('No messages.');
  for (const m of input.messages) {
    write(`${when(m.at)}, ${m.direction === 'in' ? 'from the customer' : 'from the store'} (${m.author})`, {
      bold: true,
      size: 9,
    });
    write(m.body, { gap: 0.4 });
  }

  heading('Return policy shown at checkout');
  if (!input.policy) write('No policy version was recorded before the order.');
  else {
    write(`Policy version ${input.policy.version}, in force since ${when(input.policy.created_at)}:`, {
      gap: 0.2,
    });
    for (const line of input.policy.summary) write(`• ${line}`);
  }

  heading('Timeline');
  for (const e of input.timeline)
    write(`${when(e.at)}  ${e.type}  (${e.actor})${e.note ? `: ${e.note}` : ''}`, { size: 9 });

  const drawable = input.images.filter(
    (i) => i.content_type === 'image/png' || i.content_type === 'image/jpeg',
  );
  const listed = input.images.filter((i) => !drawable.includes(i));
  if (input.images.length) {
    doc.addPage();
    write('Photos and files', { bold: true, size: 14, gap: 0.4 });
    for (const l of listed) write(`File (not drawn): ${l.filename} (${l.content_type})`);
    photos(drawable.map((img) => ({ caption: img.filename, bytes: img.bytes })));
  }

  return finish(d.number);
}
