// Where the store promises its customers more than a supplier gives the store: every unit a customer
// may send back that the supplier will not take is the store's own loss. Pure: the caller brings the
// supplier's terms, what the store promises in each market (its policy held to the law's floor) and
// the units customers sent back, each with its value in the reporting currency.
import { isSellerFault } from './position.ts';
import type { EffectiveTerms } from './terms.ts';

export const GAP_KINDS = [
  'no_returns',
  'change_of_mind',
  'window',
  'seller_fault_window',
  'lost_parcels',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** What the store promises customers in one destination country. */
export interface MarketPromise {
  country: string;
  /** change-of-mind days from delivery: the policy's, or the law's floor when that is longer */
  change_of_mind_days: number;
  /** days from delivery a faulty unit is taken back */
  seller_fault_days: number;
}

/** One unit (or several of one line) a customer returned or reported. */
export interface ReturnedUnits {
  country: string;
  reason: string;
  quantity: number;
  /** days from delivery to the customer's request; null when it never arrived or is unknown */
  days_after_delivery: number | null;
  /** what it cost the store (the refund), in the reporting currency */
  value: number;
}

export interface Gap {
  kind: GapKind;
  countries: string[];
  store_days: number | null;
  supplier_days: number | null;
  message: string;
  units: number;
  value: number;
}

const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The kind of gap a returned unit fell in, or null when the supplier takes it. */
export function unitGap(terms: EffectiveTerms, u: Pick<ReturnedUnits, 'reason' | 'days_after_delivery'>) {
  if (u.reason === 'lost_parcel') return terms.covers_lost_parcels ? null : 'lost_parcels';
  if (!terms.accepts_returns) return 'no_returns';
  const fault = isSellerFault(u.reason);
  if (!fault && terms.reasons === 'seller_fault') return 'change_of_mind';
  if (
    terms.window_from === 'delivery' &&
    u.days_after_delivery !== null &&
    u.days_after_delivery > terms.window_days
  )
    return fault ? 'seller_fault_window' : 'window';
  return null;
}

/** The gaps between the store's promises in its markets and the supplier's terms, each with the units
 *  of `returned` that fell in it and their value; the costliest first. */
export function supplierGaps(
  supplier: string,
  terms: EffectiveTerms,
  markets: readonly MarketPromise[],
  returned: readonly ReturnedUnits[],
): Gap[] {
  const gaps = new Map<string, Gap>();
  const add = (
    kind: GapKind,
    country: string,
    storeDays: number | null,
    supplierDays: number | null,
    message: (countries: string) => string,
  ) => {
    const key = `${kind}|${storeDays}`;
    const g = gaps.get(key) ?? {
      kind,
      countries: [],
      store_days: storeDays,
      supplier_days: supplierDays,
      message: '',
      units: 0,
      value: 0,
    };
    if (!g.countries.includes(country)) g.countries.push(country);
    g.countries.sort();
    g.message = message(g.countries.join(', '));
    gaps.set(key, g);
    return g;
  };
  const byMarket = new Map(markets.map((m) => [m.country, m]));
  const promiseGap = (m: MarketPromise, kind: GapKind) => {
    const fault = kind === 'seller_fault_window';
    switch (kind) {
      case 'no_returns':
        return add(
          kind,
          m.country,
          null,
          null,
          () => `${supplier} takes no returns; every return is the store's cost.`,
        );
      case 'lost_parcels':
        return add(kind, m.country, null, null, () => `${supplier} does not cover parcels lost on the way.`);
      case 'change_of_mind':
        return add(
          kind,
          m.country,
          m.change_of_mind_days,
          null,
          (c) =>
            `Customers in ${c} may return for a change of mind within ${plural(m.change_of_mind_days)}; ${supplier} takes back faulty units only.`,
        );
      default: {
        const days = fault ? m.seller_fault_days : m.change_of_mind_days;
        return add(
          kind,
          m.country,
          days,
          terms.window_days,
          (c) =>
            `Customers in ${c} get ${plural(days)}${fault ? ' for a faulty unit' : ''}, ${supplier} accepts ${plural(terms.window_days)}.`,
        );
      }
    }
  };
  // the gaps the terms open in each market, whether or not a unit fell in them yet
  for (const m of markets) {
    if (!terms.accepts_returns) promiseGap(m, 'no_returns');
    else if (terms.reasons === 'seller_fault') promiseGap(m, 'change_of_mind');
    else if (terms.window_from === 'delivery' && m.change_of_mind_days > terms.window_days)
      promiseGap(m, 'window');
    if (terms.accepts_returns && terms.window_from === 'delivery' && m.seller_fault_days > terms.window_days)
      promiseGap(m, 'seller_fault_window');
    if (!terms.covers_lost_parcels) promiseGap(m, 'lost_parcels');
  }
  for (const u of returned) {
    const kind = unitGap(terms, u);
    if (!kind) continue;
    const market = byMarket.get(u.country) ?? {
      country: u.country,
      change_of_mind_days: u.days_after_delivery ?? 0,
      seller_fault_days: u.days_after_delivery ?? 0,
    };
    const g = promiseGap(market, kind);
    g.units += u.quantity;
    g.value += u.value;
  }
  return [...gaps.values()].sort(
    (a, b) => b.value - a.value || b.units - a.units || a.kind.localeCompare(b.kind),
  );
}
