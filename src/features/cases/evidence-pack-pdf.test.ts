import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type EvidencePackInput, renderEvidencePack, summaryOf } from './evidence-pack-pdf.ts';

// A real 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const address = {
  name: 'Anna Schmidt',
  line1: 'Invalidenstr. 1',
  line2: null,
  city: 'Berlin',
  region: null,
  postal_code: '10115',
  country: 'DE',
};

function input(messages = 3): EvidencePackInput {
  return {
    store: {
      name: 'Aurora Outfitters',
      return_address: {
        ...address,
        name: 'Aurora Returns',
        line1: 'Lagerstr. 5',
        city: 'Hamburg',
        postal_code: '20095',
      },
    },
    dispute: {
      number: 'C-7K2P-9QX4',
      provider: 'stripe',
      provider_dispute_id: 'dp_1Pgc71',
      amount: 10612,
      currency: 'EUR',
      reason: 'product_not_received',
      evidence_due_by: '2026-12-10T23:59:59Z',
      status: 'open',
    },
    order: {
      number: '1042',
      placed_at: '2026-11-01T10:00:00Z',
      currency: 'EUR',
      total: 10612,
      paid: 10612,
      refunded: 0,
      customer: { name: 'Anna Schmidt', email: 'anna@example.de' },
      shipping_address: address,
      lines: [{ sku: 'JUMPER-M-BLUE', title: 'Wool jumper', quantity: 2, unit_price: 4999 }],
      payments: [{ provider: 'stripe', reference: 'ch_1', amount: 10612 }],
    },
    fulfillments: [
      {
        id: 'F1',
        carrier: 'DHL',
        tracking_number: 'JD0146',
        shipped_at: '2026-11-02T08:00:00Z',
        delivered_at: '2026-11-04T13:12:00Z',
      },
    ],
    refunds: [],
    messages: Array.from({ length: messages }, (_, i) => ({
      direction: i % 2 ? ('out' as const) : ('in' as const),
      author: i % 2 ? 'agent@store' : 'customer',
      body:
        i % 3 === 0
          ? '包裹还没有到，我很担心。请帮我查一下物流信息。'.repeat(4)
          : i % 3 === 1
            ? 'Посылка пришла повреждённой, прошу вернуть деньги.'.repeat(4)
            : 'Where is my parcel? '.repeat(20),
      at: new Date(Date.UTC(2026, 10, 5, 10, i)).toISOString(),
    })),
    policy: {
      version: 3,
      created_at: '2026-10-01T00:00:00Z',
      summary: ['Change of mind: 30 days from delivery'],
    },
    timeline: [
      { at: '2026-11-20T10:00:00Z', type: 'C-7K2P-9QX4 opened', actor: 'system:webhook', note: null },
    ],
    images: [
      { filename: 'doorstep.png', content_type: 'image/png', bytes: PNG },
      { filename: 'unboxing.mp4', content_type: 'video/mp4', bytes: Buffer.from('x') },
    ],
    generated_at: '2026-12-04T12:00:00Z',
  };
}

describe('the dispute evidence pack', () => {
  it('is a PDF whose title names the dispute and its amount, with the delivery in its summary', async () => {
    const pdf = await renderEvidencePack(input());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).toBe('Dispute C-7K2P-9QX4: €106.12');
    expect(doc.getSubject()).toBe('Evidence for stripe dispute dp_1Pgc71 on order 1042');
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(summaryOf(input())).toMatch(
      /Parcel F1 was delivered on .* by DHL \(tracking JD0146\) to Anna Schmidt, Invalidenstr\. 1, 10115 Berlin, DE\./,
    );
  });

  it('grows with the correspondence, Chinese and Russian included', async () => {
    const few = await PDFDocument.load(await renderEvidencePack(input(3)));
    const many = await PDFDocument.load(await renderEvidencePack(input(60)));
    expect(many.getPageCount()).toBeGreaterThan(few.getPageCount());
    expect(many.getPageCount()).toBeGreaterThanOrEqual(3);
  });

  it('says when nothing shipped and what was refunded already', () => {
    const x = {
      ...input(),
      fulfillments: [],
      refunds: [{ amount: 2500, currency: 'EUR', status: 'succeeded', created_at: '2026-11-10T00:00:00Z' }],
    };
    expect(summaryOf(x)).toContain('Nothing of the order has shipped.');
    expect(summaryOf(x)).toContain('€25.00 has already been refunded to the customer.');
  });
});
