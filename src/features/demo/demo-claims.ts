// The demo's claims against suppliers, through the real use cases: a settled one (the Shenzhen
// factory credited a charger lost on its way to Germany) and an open one (faulty earbuds, sent and
// acknowledged). The faulty earbuds of an open item-problem case and the knitwear damaged in transit
// stay unclaimed, for a newcomer to build a claim from.
import type { Tx } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { claimStep } from '../suppliers/claims.ts';
import { createClaim } from '../suppliers/create-claim.ts';
import { unitsWithPosition } from '../suppliers/supplier-units.queries.ts';

const DAY = 86_400_000;

export async function seedDemoClaims(trx: Tx, owner: Actor, now: Date): Promise<void> {
  const finance: Actor = { ...owner, role: 'finance', label: 'system:demo' };
  const units = await unitsWithPosition(
    trx,
    owner.storeId,
    { supplierCode: 'SUP-SZ-AUDIO', claimableOnly: true },
    now,
  );
  const lost = units.find((u) => u.case_kind === 'lost_parcel' && u.position?.claimable);
  const faulty = units.find((u) => u.source === 'return_line' && u.position?.claimable);
  const claim = async (u: (typeof units)[number], note: string) =>
    createClaim(
      trx,
      finance,
      {
        supplier: 'SUP-SZ-AUDIO',
        all_claimable: false,
        items: [{ case_id: u.case_id, line_id: u.line_id }],
        manual_lines: [],
        despite_terms: false,
        note,
      },
      now,
    );
  if (lost) {
    const id = await claim(lost, 'Parcel lost in transit to Germany; the customer was reshipped.');
    await claimStep(
      trx,
      finance,
      id,
      { step: 'send', note: 'Sent by email with the tracking history.', email: null },
      now,
    );
    await claimStep(trx, finance, id, { step: 'acknowledge', supplier_reference: 'SZA-RMA-2291' }, now);
    await claimStep(trx, finance, id, { step: 'accept', lines: null, note: '' }, now);
    const view = await trx
      .selectFrom('supplier_claims')
      .select('accepted_amount')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await claimStep(
      trx,
      finance,
      id,
      {
        step: 'credit',
        kind: 'credit',
        amount: view.accepted_amount ?? 0,
        units: 0,
        reference: 'SZA-CN-0042',
        received_on: new Date(now.getTime() - DAY).toISOString().slice(0, 10),
        note: 'Credit note against the next invoice',
      },
      now,
    );
  }
  if (faulty) {
    const id = await claim(faulty, 'Earbuds do not charge; inspected grade C.');
    await claimStep(trx, finance, id, { step: 'send', note: '', email: null }, now);
    await claimStep(trx, finance, id, { step: 'acknowledge', supplier_reference: 'SZA-RMA-2307' }, now);
  }
}
