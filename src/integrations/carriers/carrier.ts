// The seam where real carriers (DHL, UPS, Correios ...) plug in: each turns a label request into a
// tracking number and the carrier's own PDF. Until a store connects one, the offline carrier draws our
// own label so returns never wait on a contract.
import { type LabelInput, renderReturnLabel } from './label-pdf.ts';

export interface CarrierLabel {
  carrier: string;
  tracking_number: string | null;
  label_pdf: Buffer;
  /** the carrier's own id of the shipment (to void it), and what the label cost */
  reference?: string;
  cost?: { amount: string; currency: string };
}

export interface Carrier {
  code: string;
  /** `idempotencyKey` must be passed on to the carrier's API so a retried call never buys two labels. */
  createReturnLabel(req: LabelInput, idempotencyKey: string): Promise<CarrierLabel>;
}

export const offlineCarrier: Carrier = {
  code: 'offline',
  // No remote call, and the PDF is a pure function of the request, so a replay is already identical:
  // the idempotency key has nothing to protect here.
  async createReturnLabel(req) {
    const label_pdf = await renderReturnLabel({ ...req, tracking_number: null });
    return { carrier: 'offline', tracking_number: null, label_pdf };
  },
};

/**
 * The carrier for a store's configured code, or null when no such carrier is installed (a
 * configuration problem the caller reports). Real carriers are passed in, not registered globally,
 * so tests and stores each see exactly the set they were given.
 */
export function carrierFor(code: string, carriers: readonly Carrier[] = [offlineCarrier]): Carrier | null {
  return carriers.find((c) => c.code === code) ?? null;
}
