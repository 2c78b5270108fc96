// The supplier's position on one unit the store took back or lost: can the store claim it from the
// supplier, until when, for what remedy and with what evidence, and why not when it cannot. Pure: the
// caller brings the terms and the unit's facts (its reason, when it reached the customer and the
// store). Messages are for the store's team (the console and the claim), in plain English.
import { SELLER_FAULT_REASONS } from '../reasons.ts';
import type { EffectiveTerms } from './terms.ts';

const DAY = 86_400_000;
const SELLER_FAULT = new Set<string>(SELLER_FAULT_REASONS);

export interface UnitFacts {
  /** the normalised reason (defective, wrong_item, changed_mind ...), or `lost_parcel` */
  reason: string;
  /** when the unit reached the customer; null when it never did (lost) or is unknown */
  deliveredAt: Date | null;
  /** when the store received the unit back; null when it has not (yet) */
  receivedByStoreAt: Date | null;
  /** when the store learned of the problem: the return requested or the case opened */
  reportedAt: Date;
}

export interface Why {
  code: string;
  message: string;
}

export type SupplierPosition =
  | {
      claimable: true;
      /** the last day (UTC, YYYY-MM-DD) a claim may reach the supplier */
      until: string;
      remedy: EffectiveTerms['remedy'];
      restocking_fee_percent: number;
      evidence: EffectiveTerms['evidence'];
      return_shipping_paid_by: EffectiveTerms['return_shipping_paid_by'];
      why: Why;
    }
  | { claimable: false; until: null; why: Why };

export const isSellerFault = (reason: string) => SELLER_FAULT.has(reason) || reason === 'lost_parcel';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function no(code: string, message: string): SupplierPosition {
  return { claimable: false, until: null, why: { code, message } };
}

export function supplierPosition(terms: EffectiveTerms, unit: UnitFacts, now: Date): SupplierPosition {
  const lost = unit.reason === 'lost_parcel';
  if (lost && !terms.covers_lost_parcels)
    return no('lost_not_covered', 'The supplier does not cover parcels lost on the way to customers.');
  if (!lost && !terms.accepts_returns) return no('no_returns', 'The supplier takes no returns.');
  if (!isSellerFault(unit.reason) && terms.reasons === 'seller_fault')
    return no(
      'change_of_mind_not_accepted',
      'The supplier takes back faulty units only, not a change of mind.',
    );
  // the supplier's window: from delivery to the customer, or from the unit's arrival at the store;
  // a lost parcel has neither and counts from the day it was reported
  const start = lost
    ? unit.reportedAt
    : terms.window_from === 'receipt_by_store'
      ? (unit.receivedByStoreAt ?? now)
      : (unit.deliveredAt ?? unit.reportedAt);
  const windowEnd = isoDay(addDays(start, terms.window_days));
  // the claim itself must reach the supplier within claim_deadline_days of the store learning of it,
  // and inside the supplier's window
  const deadline = isoDay(addDays(unit.reportedAt, terms.claim_deadline_days));
  const until = lost || windowEnd > deadline ? deadline : windowEnd;
  const today = isoDay(now);
  if (today > until)
    return until === windowEnd && !lost
      ? no(
          'window_passed',
          `The supplier's ${plural(terms.window_days, 'day')} from ${
            terms.window_from === 'delivery' ? 'delivery' : 'receipt by the store'
          } ended on ${windowEnd}.`,
        )
      : no('claim_deadline_passed', `The supplier wanted the claim by ${until}.`);
  const fee = terms.restocking_fee_percent;
  return {
    claimable: true,
    until,
    remedy: terms.remedy,
    restocking_fee_percent: fee,
    evidence: terms.evidence,
    return_shipping_paid_by: terms.return_shipping_paid_by,
    why: {
      code: 'claimable',
      message: `Claimable from the supplier until ${until} for a ${terms.remedy}${
        fee > 0 ? ` less a ${fee} % restocking fee` : ''
      }${terms.evidence.length ? `, with ${terms.evidence.join(', ').replace(/_/g, ' ')}` : ''}.`,
    },
  };
}
