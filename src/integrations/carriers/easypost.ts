// EasyPost return labels through the official client: a return shipment from the customer to the
// store's return address, bought at the cheapest rate (or the fastest, as the store chooses),
// its label fetched as a PDF (a PNG label is laid on a 4x6 page), its tracking number kept and its
// tracker made by EasyPost with the purchase; an unused label is voided by a refund request.
// EasyPost takes no idempotency key: the label step runs under the return's row lock and stores
// the label with the return, so a second request finds the first label instead of buying again.
import type easypostModule from '@easypost/api';
import type { Address } from '../../domain/order.ts';
import { lazy, requireModule } from '../lazy.ts';
import type { Carrier, CarrierLabel } from './carrier.ts';
import type { LabelInput } from './label-pdf.ts';

// Loaded on first use (lazy.ts). The CommonJS build's exports are the class itself; the types
// describe it on `default`.
const EasyPost = lazy(() => {
  const m = requireModule('@easypost/api') as { default?: unknown };
  return (m.default ?? m) as typeof easypostModule.default;
});

export interface EasyPostSettings {
  apiKey: string;
  baseUrl: string | null;
  choose?: 'cheapest' | 'fastest';
}

type J = Record<string, unknown>;

function address(a: Address) {
  return {
    name: a.name,
    street1: a.line1,
    street2: a.line2 ?? undefined,
    city: a.city,
    state: a.region ?? undefined,
    zip: a.postal_code ?? undefined,
    country: a.country,
  };
}

async function labelPdf(label: J): Promise<Buffer> {
  const pdfUrl = typeof label.label_pdf_url === 'string' ? label.label_pdf_url : null;
  const url = pdfUrl ?? (typeof label.label_url === 'string' ? label.label_url : null);
  if (!url) throw new Error('EasyPost bought the label but sent no file');
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`EasyPost label file: ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (pdfUrl || bytes.subarray(0, 5).toString() === '%PDF-') return bytes;
  // a PNG label on a 4x6 inch page, so the store prints every label the same way
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: [288, 432], margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.image(bytes, 0, 0, { fit: [288, 432], align: 'center', valign: 'center' });
  doc.end();
  return done;
}

/** The official client, at EasyPost or (tests) at the integration's base_url. */
export function easypostClient(settings: Pick<EasyPostSettings, 'apiKey' | 'baseUrl'>) {
  return new (EasyPost())(
    settings.apiKey,
    settings.baseUrl ? { baseUrl: `${settings.baseUrl.replace(/\/$/, '')}/v2/` } : {},
  );
}

export function easypostCarrier(settings: EasyPostSettings): Carrier & {
  voidLabel(carrier: string, trackingNumber: string): Promise<string>;
} {
  const client = easypostClient(settings);
  return {
    code: 'easypost',
    async createReturnLabel(req: LabelInput): Promise<CarrierLabel> {
      const shipment = (await client.Shipment.create({
        is_return: true,
        reference: req.rma,
        // for a return EasyPost swaps them: the label takes the parcel from the customer to the store
        to_address: address(req.to),
        from_address: address(req.from),
        parcel: { weight: Math.max(1, Math.ceil((req.weight_grams ?? 1000) / 28.35)) },
        options: { label_format: 'PDF', print_custom_1: req.rma },
      } as never)) as unknown as J;
      const rates = ((shipment.rates as J[] | undefined) ?? []).filter((r) => typeof r.rate === 'string');
      if (rates.length === 0) throw new Error('EasyPost offered no rate for this return');
      const pick =
        settings.choose === 'fastest'
          ? [...rates].sort((a, b) => Number(a.delivery_days ?? 99) - Number(b.delivery_days ?? 99))[0]
          : [...rates].sort((a, b) => Number(a.rate) - Number(b.rate))[0];
      const bought = (await client.Shipment.buy(String(shipment.id), String(pick?.id))) as unknown as J;
      const label = await labelPdf((bought.postage_label as J) ?? {});
      const rate = (bought.selected_rate as J) ?? pick ?? {};
      return {
        carrier: `easypost:${String(rate.carrier ?? '')}`,
        tracking_number: typeof bought.tracking_code === 'string' ? bought.tracking_code : null,
        label_pdf: label,
        reference: String(bought.id),
        cost: { amount: String(rate.rate ?? ''), currency: String(rate.currency ?? '') },
      };
    },
    async voidLabel(carrier: string, trackingNumber: string): Promise<string> {
      const refunds = (await client.Refund.create({
        carrier: carrier.replace(/^easypost:/, ''),
        tracking_codes: [trackingNumber],
      } as never)) as unknown as J[];
      return String(refunds[0]?.status ?? 'submitted');
    },
  };
}
