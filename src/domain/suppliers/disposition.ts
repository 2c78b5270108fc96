// Disposition by cost: for a returned or problem unit, every sensible route with its net expected cost
// (what the route costs minus what it recovers; negative when it earns), the cheapest first, and one
// sentence for the warehouse saying why the first one wins. Pure: the caller brings the unit, the
// supplier's position on it, the store's cost tables and its exchange rates.
//
// Amounts come out in the tables' currency. The unit's price and cost cross into it through the
// store's rate table (domain/currency.ts); a recovery with no rate is left out and says so.
import type { RateTable } from '../currency.ts';
import { minorUnitDigits } from '../currency-digits.ts';
import { percentOf } from '../money.ts';
import type { Grade } from '../returns/inspection.ts';
import { bandCost, bandsFor, type DispositionCosts } from './disposition-costs.ts';
import type { SupplierPosition } from './position.ts';

export * from './disposition-costs.ts';

/**
 * Every route, in the fixed order that breaks a tie: keep value in use (back on sale, refurbished),
 * then hold the supplier to its terms, then sell on, give away, leave it with the customer, and
 * throw away last.
 */
export const ROUTES = [
  'restock',
  'refurbish',
  'return_to_supplier',
  'local_hub',
  'liquidate',
  'donate',
  'keep',
  'dispose',
] as const;
export type Route = (typeof ROUTES)[number];

export const ROUTE_LABELS: Record<Route, string> = {
  restock: 'restock',
  refurbish: 'refurbish and resell',
  return_to_supplier: 'return to supplier',
  local_hub: 'send to the local hub',
  liquidate: 'liquidate',
  donate: 'donate',
  keep: 'let the customer keep it',
  dispose: 'local disposal',
};

/** The grades each route makes sense for (keep and return to supplier: any). */
const GRADES_FOR: Record<Route, readonly Grade[]> = {
  restock: ['A', 'B'],
  refurbish: ['B', 'C'],
  return_to_supplier: ['A', 'B', 'C', 'D'],
  local_hub: ['A', 'B', 'C'],
  liquidate: ['A', 'B', 'C'],
  donate: ['A', 'B', 'C'],
  keep: ['A', 'B', 'C', 'D'],
  dispose: ['A', 'B', 'C', 'D'],
};

export interface Amount {
  amount: number;
  currency: string;
}

export interface DispositionInput {
  unit: {
    /** the price the customer paid for one unit */
    price: Amount;
    /** what one unit cost the store from its supplier, when known */
    unit_cost: Amount | null;
    weight_grams: number | null;
    grade: Grade;
    quantity: number;
    /** the country the unit sits in (or reaches once back): the store's warehouse or hub */
    country: string;
  };
  supplier: {
    country: string | null;
    position: SupplierPosition | null;
    /** the supplier takes units back even when no claim stands (recycling, say): no credit */
    takes_back_anyway?: boolean;
  } | null;
  /** the unit is still with the customer, in this country: keeping it is an option, and every other
   *  route first pays the customer's return label */
  with_customer: { country: string } | null;
  tables: DispositionCosts;
  rates: RateTable;
  /** the day of the rates to use, YYYY-MM-DD */
  day: string;
}

export interface CostLine {
  /** what the amount is, in words: "label to CN, up to 1000 g", "credit from the supplier" */
  item: string;
  /** positive: a cost; negative: a recovery */
  amount: number;
}

export interface DispositionOption {
  route: Route;
  label: string;
  net_cost: number;
  breakdown: CostLine[];
  notes: string[];
}

export interface DispositionChoice {
  currency: string;
  /** the sensible routes, the cheapest first (ties in ROUTES order) */
  options: DispositionOption[];
  recommended: Route;
  /** the routes that cost exactly what the recommended one does */
  tied_with: Route[];
  explanation: string;
  /** the routes left out, and why */
  excluded: { route: Route; why: string }[];
}

/** "4.10 EUR": the warehouse compares amounts in the tables' currency, code after the number. */
export function plainMoney(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const abs = Math.abs(amount);
  const text = digits === 0 ? String(abs) : (abs / 10 ** digits).toFixed(digits);
  return `${amount < 0 ? '-' : ''}${text} ${currency}`;
}

function why(route: Route, input: DispositionInput): string | null {
  const { unit, supplier, with_customer } = input;
  if (!GRADES_FOR[route].includes(unit.grade)) return `not for a grade ${unit.grade} unit`;
  if (route === 'keep' && !with_customer) return 'the unit is no longer with the customer';
  if (route === 'return_to_supplier') {
    if (!supplier) return 'no supplier is known for this product';
    if (!supplier.position?.claimable && !supplier.takes_back_anyway)
      return supplier.position?.why.message ?? 'the supplier has no terms on file';
  }
  return null;
}

/** What one route costs for the unit, sensible or not (the warehouse may overrule the list). */
export function routeCost(route: Route, input: DispositionInput): DispositionOption {
  const { unit, supplier, tables: t, with_customer, rates, day } = input;
  const cur = t.currency;
  const q = unit.quantity;
  const grams = (unit.weight_grams ?? t.default_weight_grams) * q;
  const lines: CostLine[] = [];
  const notes: string[] = [];
  const add = (item: string, amount: number) => {
    if (amount !== 0) lines.push({ item, amount });
  };
  const inTables = (a: Amount | null, what: string): number | null => {
    if (!a) {
      notes.push(`${what} unknown: left out`);
      return null;
    }
    const c = rates.convert(a.amount, a.currency, cur, day);
    if (!c) {
      notes.push(`no ${a.currency} to ${cur} rate for the ${what}: left out`);
      return null;
    }
    if (a.currency !== cur) notes.push(`${what} converted at 1 ${a.currency} = ${c.rate} ${cur} (${c.day})`);
    return c.to.amount;
  };
  const perUnit = (what: string, each: number) =>
    add(q > 1 ? `${what}, ${q} × ${plainMoney(each, cur)}` : what, each * q);
  const label = (bands: Parameters<typeof bandCost>[0], to: string) => {
    const b = bandCost(bands, grams);
    add(`label ${to}, ${grams} g (band up to ${b.max_grams} g)`, b.cost);
  };

  if (with_customer && route !== 'keep')
    label(
      bandsFor(t.labels.customer_return, with_customer.country),
      `from the customer in ${with_customer.country}`,
    );

  const price =
    route === 'restock' || route === 'refurbish' || route === 'local_hub' || route === 'liquidate'
      ? inTables(unit.price, 'unit price')
      : null;
  switch (route) {
    case 'restock':
    case 'local_hub': {
      if (route === 'local_hub') label(t.labels.local_hub, 'to the local hub');
      const pct = t.resale_percent[unit.grade];
      if (price !== null)
        add(`resale at ${pct} % of the price (grade ${unit.grade})`, -percentOf(price, pct) * q);
      break;
    }
    case 'refurbish': {
      perUnit('refurbishing', t.refurbish_cost);
      const pct = t.refurbished_resale_percent;
      if (price !== null) add(`resale refurbished at ${pct} % of the price`, -percentOf(price, pct) * q);
      break;
    }
    case 'liquidate': {
      const pct = t.liquidation_percent[unit.grade];
      if (price !== null)
        add(`liquidator pays ${pct} % of the price (grade ${unit.grade})`, -percentOf(price, pct) * q);
      break;
    }
    case 'dispose':
      perUnit('disposal fee', t.disposal_cost);
      break;
    case 'return_to_supplier': {
      const to = supplier?.country ?? null;
      const pos = supplier?.position?.claimable ? supplier.position : null;
      if (pos?.return_shipping_paid_by === 'supplier') notes.push('the supplier pays the shipping');
      else label(bandsFor(t.labels.return_to_supplier, to), `to the supplier${to ? ` in ${to}` : ''}`);
      const cost = inTables(unit.unit_cost, 'unit cost');
      const here = unit.country.toUpperCase();
      const loss = t.reexport_loss_percent[here] ?? 0;
      if (to && to !== here && loss > 0 && cost !== null)
        add(`duties and VAT not recovered on re-export from ${here}, ${loss} %`, percentOf(cost, loss) * q);
      if (pos && cost !== null) {
        const fee = pos.restocking_fee_percent;
        const credit = cost - percentOf(cost, fee);
        add(
          `${pos.remedy} from the supplier${fee > 0 ? ` less its ${fee} % restocking fee` : ''}`,
          -credit * q,
        );
      } else if (!pos) notes.push('taken back without credit');
      break;
    }
    case 'donate':
    case 'keep':
      break;
  }
  if (route !== 'keep') perUnit('handling', t.handling[route]);
  // what the route costs, then what it brings back
  const breakdown = [...lines.filter((l) => l.amount > 0), ...lines.filter((l) => l.amount < 0)];
  return {
    route,
    label: ROUTE_LABELS[route],
    net_cost: breakdown.reduce((s, l) => s + l.amount, 0),
    breakdown,
    notes,
  };
}

const rank = (r: Route) => ROUTES.indexOf(r);

export function chooseDisposition(input: DispositionInput): DispositionChoice {
  if (!Number.isInteger(input.unit.quantity) || input.unit.quantity < 1)
    throw new RangeError('chooseDisposition: quantity must be a positive integer');
  const cur = input.tables.currency;
  const excluded: DispositionChoice['excluded'] = [];
  const options: DispositionOption[] = [];
  for (const route of ROUTES) {
    const no = why(route, input);
    if (no) excluded.push({ route, why: no });
    else options.push(routeCost(route, input));
  }
  options.sort((a, b) => a.net_cost - b.net_cost || rank(a.route) - rank(b.route));
  // dispose is sensible for every grade, so there is always a first option
  const [best, next] = options as [DispositionOption, ...DispositionOption[]];
  const tied = options.filter((o) => o !== best && o.net_cost === best.net_cost).map((o) => o.route);
  let explanation: string;
  if (!next) explanation = `${best.label}: the only sensible route, at ${plainMoney(best.net_cost, cur)}.`;
  else if (tied.length > 0)
    explanation = `${best.label}: costs the same as ${tied.map((r) => ROUTE_LABELS[r]).join(' and ')} (${plainMoney(
      best.net_cost,
      cur,
    )}); ${best.label} comes first in the fixed order of preference.`;
  else
    explanation = `${best.label}: cheaper than ${next.label} by ${plainMoney(next.net_cost - best.net_cost, cur)}.`;
  return { currency: cur, options, recommended: best.route, tied_with: tied, explanation, excluded };
}
