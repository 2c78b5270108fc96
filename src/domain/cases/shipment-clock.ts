// When a parcel shipped and not delivered counts as late, then as lost: days after shipment from
// the policy, per route (origin -> destination, first matching route wins), and what the customer
// may do about a late one under the destination's law. Pure: the caller gives "now".
import { EU_COUNTRIES, regimeOf } from '../jurisdictions.ts';
import type { Policy } from '../policy/policy.schema.ts';

const DAY = 86_400_000;

export interface RouteRule {
  from?: string[] | undefined;
  to?: string[] | undefined;
  after_days: number;
}

function inList(list: readonly string[] | undefined, country: string | null): boolean {
  if (!list || list.length === 0) return true;
  if (!country) return false;
  const c = country.toUpperCase();
  return list.some((x) => x === c || (x === 'EU' && EU_COUNTRIES.includes(c)));
}

export function daysForRoute(
  rules: readonly RouteRule[],
  fallback: number,
  origin: string | null,
  destination: string,
): { days: number; route: RouteRule | null } {
  const route = rules.find((r) => inList(r.from, origin) && inList(r.to, destination)) ?? null;
  return { days: route ? route.after_days : fallback, route };
}

export interface ShipmentClock {
  state: 'unshipped' | 'in_transit' | 'delivered';
  days_in_transit: number | null;
  late_after_days: number;
  lost_after_days: number;
  late_from: string | null;
  lost_from: string | null;
  is_late: boolean;
  is_lost: boolean;
}

export function shipmentClock(
  shipment: { shipped_at: string | null; delivered_at: string | null; origin_country?: string | null },
  destination: string,
  policy: Policy,
  now: Date,
): ShipmentClock {
  const origin = shipment.origin_country ?? null;
  const late = daysForRoute(
    policy.cases.delivery_delay.routes,
    policy.cases.delivery_delay.after_days,
    origin,
    destination,
  ).days;
  const lost = daysForRoute(
    policy.cases.lost_parcel.routes,
    policy.cases.lost_parcel.after_days,
    origin,
    destination,
  ).days;
  if (!shipment.shipped_at)
    return {
      state: 'unshipped',
      days_in_transit: null,
      late_after_days: late,
      lost_after_days: lost,
      late_from: null,
      lost_from: null,
      is_late: false,
      is_lost: false,
    };
  const shipped = Date.parse(shipment.shipped_at);
  const lateFrom = new Date(shipped + late * DAY);
  const lostFrom = new Date(shipped + lost * DAY);
  const delivered = shipment.delivered_at !== null;
  return {
    state: delivered ? 'delivered' : 'in_transit',
    days_in_transit: Math.floor(
      ((delivered ? Date.parse(shipment.delivered_at as string) : now.getTime()) - shipped) / DAY,
    ),
    late_after_days: late,
    lost_after_days: lost,
    late_from: lateFrom.toISOString(),
    lost_from: lostFrom.toISOString(),
    is_late: !delivered && now >= lateFrom,
    is_lost: !delivered && now >= lostFrom,
  };
}

export interface Explanation {
  code: string;
  params: Record<string, string | number>;
  source?: string;
}

/**
 * What the law gives a customer whose parcel is late. US: the FTC Mail, Internet, or Telephone Order
 * Merchandise Rule (16 CFR 435.2): notice of the delay with a new date and the right to cancel for a
 * full refund. EU: Directive 2011/83/EU art. 18: after an additional period the trader does not meet,
 * the consumer may terminate the contract and is refunded without undue delay. Elsewhere the store's
 * own promise applies.
 */
export function delayRights(destination: string): Explanation[] {
  const regime = regimeOf(destination);
  if (regime === 'US')
    return [
      {
        code: 'delay_ftc_notice',
        params: {},
        source: '16 CFR 435.2 (FTC Mail, Internet, or Telephone Order Merchandise Rule)',
      },
    ];
  if (regime === 'EU' || regime === 'UK')
    return [
      {
        code: 'delay_eu_additional_period',
        params: {},
        source: regime === 'UK' ? 'Consumer Rights Act 2015 s. 28' : 'Directive 2011/83/EU art. 18',
      },
    ];
  return [{ code: 'delay_store_promise', params: {} }];
}

export function lostExplanation(clock: ShipmentClock): Explanation {
  return clock.is_lost
    ? { code: 'parcel_counts_lost', params: { days: clock.lost_after_days } }
    : {
        code: 'parcel_not_lost_yet',
        params: { days: clock.lost_after_days, from: clock.lost_from ?? '' },
      };
}
