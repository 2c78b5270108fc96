// A supplier's month in one currency: what the store paid back or replaced for customers on the
// supplier's units, what it claimed from the supplier, what the supplier credited, and the difference
// the store carries. Each entry has its id and counts once however often it is listed (a credit
// recorded against a claim and found again by its month is one credit). Amounts in other currencies
// convert at the store's rate of `day` (the month's last day); one without a rate is listed apart,
// never added at face value.
import { type RateTable, sumIn } from '../currency.ts';

export interface Entry {
  id: string;
  amount: number;
  currency: string;
}

export interface MonthEntries {
  refunded: readonly Entry[];
  replaced: readonly Entry[];
  claimed: readonly Entry[];
  credited: readonly Entry[];
}

export interface Reconciliation {
  currency: string;
  refunded: number;
  replaced: number;
  claimed: number;
  credited: number;
  /** refunded + replaced - credited: what the supplier's faults cost the store this month */
  difference: number;
  /** credited / (refunded + replaced), null when nothing was paid out */
  recovered_share: number | null;
  unconverted: { field: keyof MonthEntries; currency: string; amount: number }[];
  rates: { from: string; rate: string; day: string }[];
}

const once = (entries: readonly Entry[]) => [...new Map(entries.map((e) => [e.id, e])).values()];

export function reconcile(
  entries: MonthEntries,
  currency: string,
  rates: RateTable,
  day: string,
): Reconciliation {
  const used = new Map<string, { from: string; rate: string; day: string }>();
  const unconverted: Reconciliation['unconverted'] = [];
  const total = (field: keyof MonthEntries) => {
    const s = sumIn(currency, once(entries[field]), rates, day);
    for (const r of s.rates) used.set(`${r.from}|${r.day}`, r);
    for (const u of s.unconverted) unconverted.push({ field, ...u });
    return s.amount;
  };
  const refunded = total('refunded');
  const replaced = total('replaced');
  const claimed = total('claimed');
  const credited = total('credited');
  const paidOut = refunded + replaced;
  return {
    currency,
    refunded,
    replaced,
    claimed,
    credited,
    difference: paidOut - credited,
    recovered_share: paidOut > 0 ? credited / paidOut : null,
    unconverted,
    rates: [...used.values()].sort((a, b) => a.from.localeCompare(b.from)),
  };
}
