// The legal floor under every store policy, by destination country (see ../shared/LAW.md).
// A store may be more generous, never less: the policy engine takes the more generous of the two per
// point and cites the source of each statutory rule it applies. Not legal advice.

import type { ProductFlag } from './order.ts';

export type Regime = 'EU' | 'UK' | 'CN' | 'RU' | 'BR' | 'JP' | 'US' | 'AU' | 'OTHER';

/**
 * How a flag removes the statutory change-of-mind right: always; only once the item was opened
 * (unsealed); only when the order line records that the customer confirmed it at purchase; or only
 * when the store chooses to (a disputed exemption list the store may invoke, e.g. Russia's decree).
 */
export type ExemptionRule = 'always' | 'when_opened' | 'when_confirmed' | 'store_option';

export interface Cited<T> {
  value: T;
  source: string;
}

export interface Jurisdiction {
  regime: Regime;
  changeOfMind: {
    /** statutory withdrawal window in days from delivery, null when the law gives none */
    floorDays: Cited<number> | null;
    /** EU/EEA/UK: the window counts from delivery of the order's last parcel */
    fromLastParcel: boolean;
    /** what happens when the order says the consumer was not informed of the return terms */
    notInformed:
      | { kind: 'extend_months'; months: number; source: string }
      | { kind: 'replace_months'; months: number; source: string }
      | { kind: 'replace_days'; days: number; source: string }
      | null;
    exemptions: Partial<Record<ProductFlag, ExemptionRule>>;
    exemptionSource: string | null;
    storeOptionSource: string | null;
    /** the law makes the trader pay the return shipping of a withdrawal */
    merchantPaysShipping: Cited<true> | null;
    /** the trader pays the return shipping when the consumer was not told they would */
    merchantPaysIfNotInformed: Cited<true> | null;
    /** a restocking fee is not allowed (only a diminished-value deduction decided at inspection) */
    noRestockingFee: Cited<true> | null;
    /** withdrawing from the whole order refunds the original delivery cost */
    fullWithdrawalRefundsShipping: Cited<true> | null;
    /**
     * a withdrawal within the statutory period refunds everything paid for the returned units, "for
     * any reason" (Brazil, CDC art. 49): their share of the original delivery too, and no fee at all
     */
    refundsAllPaid: Cited<true> | null;
  };
  sellerFault: {
    floor:
      | { code: 'legal_guarantee'; years: number; source: string }
      | { code: 'short_term_right_to_reject'; days: number; source: string }
      | null;
    /** whether the floor entitles the consumer to a refund (not only repair or replacement) */
    refundWithinFloor: boolean;
    /** the statute that makes the trader bear the cost of sending faulty goods back */
    returnCostSource: string | null;
  };
  refundClock: { from: 'request' | 'receipt'; days: number; source: string } | null;
}

// biome-ignore format: a dense list reads better than one entry per line
export const EU_COUNTRIES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];
/** EU territories with their own ISO code: French outermost regions, Saint-Martin, Åland. */
const EU_TERRITORIES = ['GP', 'MQ', 'GF', 'RE', 'YT', 'MF', 'AX'];
export const EEA_COUNTRIES: readonly string[] = ['IS', 'LI', 'NO'];

const DIR = 'Directive 2011/83/EU';
const CCR = 'Consumer Contracts Regulations 2013';
const CRPL = 'Consumer Rights Protection Law art. 25';
const RU_LAW = 'Law 2300-1 art. 26.1';
const CDC = 'CDC (Lei 8.078/90) art. 49';

const none: Jurisdiction['changeOfMind'] = {
  floorDays: null,
  fromLastParcel: false,
  notInformed: null,
  exemptions: {},
  exemptionSource: null,
  storeOptionSource: null,
  merchantPaysShipping: null,
  merchantPaysIfNotInformed: null,
  noRestockingFee: null,
  fullWithdrawalRefundsShipping: null,
  refundsAllPaid: null,
};

const euLikeExemptions: Jurisdiction['changeOfMind']['exemptions'] = {
  personalized: 'always',
  perishable: 'always',
  sealed_hygiene: 'when_opened',
  sealed_media: 'when_opened',
  digital: 'always',
};

const EU: Jurisdiction = {
  regime: 'EU',
  changeOfMind: {
    floorDays: { value: 14, source: `${DIR} art. 9` },
    fromLastParcel: true,
    notInformed: { kind: 'extend_months', months: 12, source: `${DIR} art. 10` },
    exemptions: euLikeExemptions,
    exemptionSource: `${DIR} art. 16`,
    storeOptionSource: null,
    merchantPaysShipping: null,
    merchantPaysIfNotInformed: { value: true, source: `${DIR} art. 14` },
    noRestockingFee: { value: true, source: `${DIR} art. 14` },
    fullWithdrawalRefundsShipping: { value: true, source: `${DIR} art. 13` },
    refundsAllPaid: null,
  },
  sellerFault: {
    floor: { code: 'legal_guarantee', years: 2, source: 'Directive (EU) 2019/771 art. 10' },
    refundWithinFloor: false,
    returnCostSource: 'Directive (EU) 2019/771 art. 14',
  },
  refundClock: { from: 'request', days: 14, source: `${DIR} art. 13` },
};

const UK: Jurisdiction = {
  regime: 'UK',
  changeOfMind: {
    floorDays: { value: 14, source: `${CCR} reg 29` },
    fromLastParcel: true,
    notInformed: { kind: 'extend_months', months: 12, source: `${CCR} reg 31` },
    exemptions: euLikeExemptions,
    exemptionSource: `${CCR} reg 28`,
    storeOptionSource: null,
    merchantPaysShipping: null,
    merchantPaysIfNotInformed: { value: true, source: `${CCR} reg 35` },
    noRestockingFee: { value: true, source: `${CCR} reg 34` },
    fullWithdrawalRefundsShipping: { value: true, source: `${CCR} reg 34` },
    refundsAllPaid: null,
  },
  sellerFault: {
    floor: { code: 'short_term_right_to_reject', days: 30, source: 'Consumer Rights Act 2015 s.22' },
    refundWithinFloor: true,
    returnCostSource: 'Consumer Rights Act 2015 s.20',
  },
  refundClock: { from: 'request', days: 14, source: `${CCR} reg 34` },
};

const CN: Jurisdiction = {
  regime: 'CN',
  changeOfMind: {
    ...none,
    floorDays: { value: 7, source: CRPL },
    exemptions: {
      personalized: 'always',
      perishable: 'always',
      sealed_media: 'when_opened',
      digital: 'always',
      sealed_hygiene: 'when_confirmed',
    },
    exemptionSource: CRPL,
  },
  sellerFault: { floor: null, refundWithinFloor: false, returnCostSource: null },
  refundClock: { from: 'receipt', days: 7, source: CRPL },
};

const RU: Jurisdiction = {
  regime: 'RU',
  changeOfMind: {
    ...none,
    floorDays: { value: 7, source: RU_LAW },
    notInformed: { kind: 'replace_months', months: 3, source: RU_LAW },
    exemptions: { personalized: 'always', sealed_hygiene: 'store_option' },
    exemptionSource: RU_LAW,
    storeOptionSource: 'Government Decree No. 2463 of 31.12.2020',
  },
  sellerFault: { floor: null, refundWithinFloor: false, returnCostSource: null },
  refundClock: { from: 'request', days: 10, source: RU_LAW },
};

const BR: Jurisdiction = {
  regime: 'BR',
  changeOfMind: {
    ...none,
    floorDays: { value: 7, source: CDC },
    merchantPaysShipping: { value: true, source: CDC },
    // "os valores eventualmente pagos, a qualquer título": every amount paid, delivery included
    refundsAllPaid: { value: true, source: CDC },
  },
  sellerFault: { floor: null, refundWithinFloor: false, returnCostSource: null },
  refundClock: { from: 'receipt', days: 0, source: CDC },
};

const JP: Jurisdiction = {
  regime: 'JP',
  changeOfMind: {
    ...none,
    // The 8-day right applies only when the seller did not display its own return clause.
    notInformed: {
      kind: 'replace_days',
      days: 8,
      source: 'Act on Specified Commercial Transactions art. 15-3',
    },
  },
  sellerFault: { floor: null, refundWithinFloor: false, returnCostSource: null },
  refundClock: null,
};

const storeOnly = (regime: Regime): Jurisdiction => ({
  regime,
  changeOfMind: none,
  sellerFault: { floor: null, refundWithinFloor: false, returnCostSource: null },
  refundClock: null,
});

const BY_REGIME: Record<Regime, Jurisdiction> = {
  EU,
  UK,
  CN,
  RU,
  BR,
  JP,
  US: storeOnly('US'),
  AU: storeOnly('AU'),
  OTHER: storeOnly('OTHER'),
};

const REGIME_OF = new Map<string, Regime>([
  ...[...EU_COUNTRIES, ...EU_TERRITORIES, ...EEA_COUNTRIES].map((c) => [c, 'EU'] as [string, Regime]),
  ['GB', 'UK'],
  ['CN', 'CN'],
  ['RU', 'RU'],
  ['BR', 'BR'],
  ['JP', 'JP'],
  ['US', 'US'],
  ['AU', 'AU'],
]);

/** The legal regime of a destination country (ISO 3166-1 alpha-2, any case). */
export function regimeOf(country: string): Regime {
  return REGIME_OF.get(country.toUpperCase()) ?? 'OTHER';
}

export function jurisdictionFor(country: string): Jurisdiction {
  return BY_REGIME[regimeOf(country)];
}

// The most populous IANA zone of each country: used when the customer has no time zone of their own.
// biome-ignore format: a dense lookup table reads better than one entry per line
const ZONES: Record<string, string> = {
  AD: 'Europe/Andorra', AE: 'Asia/Dubai', AF: 'Asia/Kabul', AL: 'Europe/Tirane', AM: 'Asia/Yerevan',
  AO: 'Africa/Luanda', AR: 'America/Argentina/Buenos_Aires', AT: 'Europe/Vienna', AU: 'Australia/Sydney',
  AX: 'Europe/Mariehamn', AZ: 'Asia/Baku', BA: 'Europe/Sarajevo', BD: 'Asia/Dhaka', BE: 'Europe/Brussels',
  BG: 'Europe/Sofia', BH: 'Asia/Bahrain', BN: 'Asia/Brunei', BO: 'America/La_Paz', BR: 'America/Sao_Paulo',
  BY: 'Europe/Minsk', CA: 'America/Toronto', CH: 'Europe/Zurich', CI: 'Africa/Abidjan', CL: 'America/Santiago',
  CM: 'Africa/Douala', CN: 'Asia/Shanghai', CO: 'America/Bogota', CR: 'America/Costa_Rica', CU: 'America/Havana',
  CY: 'Asia/Nicosia', CZ: 'Europe/Prague', DE: 'Europe/Berlin', DK: 'Europe/Copenhagen',
  DO: 'America/Santo_Domingo', DZ: 'Africa/Algiers', EC: 'America/Guayaquil', EE: 'Europe/Tallinn',
  EG: 'Africa/Cairo', ES: 'Europe/Madrid', ET: 'Africa/Addis_Ababa', FI: 'Europe/Helsinki', FJ: 'Pacific/Fiji',
  FR: 'Europe/Paris', GB: 'Europe/London', GE: 'Asia/Tbilisi', GF: 'America/Cayenne', GG: 'Europe/Guernsey',
  GH: 'Africa/Accra', GI: 'Europe/Gibraltar', GP: 'America/Guadeloupe', GR: 'Europe/Athens',
  GT: 'America/Guatemala', HK: 'Asia/Hong_Kong', HN: 'America/Tegucigalpa', HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest', ID: 'Asia/Jakarta', IE: 'Europe/Dublin', IL: 'Asia/Jerusalem', IM: 'Europe/Isle_of_Man',
  IN: 'Asia/Kolkata', IQ: 'Asia/Baghdad', IR: 'Asia/Tehran', IS: 'Atlantic/Reykjavik', IT: 'Europe/Rome',
  JE: 'Europe/Jersey', JM: 'America/Jamaica', JO: 'Asia/Amman', JP: 'Asia/Tokyo', KE: 'Africa/Nairobi',
  KG: 'Asia/Bishkek', KH: 'Asia/Phnom_Penh', KR: 'Asia/Seoul', KW: 'Asia/Kuwait', KZ: 'Asia/Almaty',
  LB: 'Asia/Beirut', LI: 'Europe/Vaduz', LK: 'Asia/Colombo', LT: 'Europe/Vilnius', LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga', LY: 'Africa/Tripoli', MA: 'Africa/Casablanca', MC: 'Europe/Monaco', MD: 'Europe/Chisinau',
  ME: 'Europe/Podgorica', MF: 'America/Marigot', MG: 'Indian/Antananarivo', MK: 'Europe/Skopje',
  MM: 'Asia/Yangon', MN: 'Asia/Ulaanbaatar', MO: 'Asia/Macau', MQ: 'America/Martinique', MT: 'Europe/Malta',
  MV: 'Indian/Maldives', MX: 'America/Mexico_City', MY: 'Asia/Kuala_Lumpur', MZ: 'Africa/Maputo',
  NG: 'Africa/Lagos', NI: 'America/Managua', NL: 'Europe/Amsterdam', NO: 'Europe/Oslo', NP: 'Asia/Kathmandu',
  NZ: 'Pacific/Auckland', OM: 'Asia/Muscat', PA: 'America/Panama', PE: 'America/Lima', PG: 'Pacific/Port_Moresby',
  PH: 'Asia/Manila', PK: 'Asia/Karachi', PL: 'Europe/Warsaw', PR: 'America/Puerto_Rico', PT: 'Europe/Lisbon',
  PY: 'America/Asuncion', QA: 'Asia/Qatar', RE: 'Indian/Reunion', RO: 'Europe/Bucharest', RS: 'Europe/Belgrade',
  RU: 'Europe/Moscow', RW: 'Africa/Kigali', SA: 'Asia/Riyadh', SD: 'Africa/Khartoum', SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore', SI: 'Europe/Ljubljana', SK: 'Europe/Bratislava', SM: 'Europe/San_Marino',
  SN: 'Africa/Dakar', SV: 'America/El_Salvador', TH: 'Asia/Bangkok', TJ: 'Asia/Dushanbe', TM: 'Asia/Ashgabat',
  TN: 'Africa/Tunis', TR: 'Europe/Istanbul', TT: 'America/Port_of_Spain', TW: 'Asia/Taipei',
  TZ: 'Africa/Dar_es_Salaam', UA: 'Europe/Kyiv', UG: 'Africa/Kampala', US: 'America/New_York',
  UY: 'America/Montevideo', UZ: 'Asia/Tashkent', VA: 'Europe/Vatican', VE: 'America/Caracas',
  VN: 'Asia/Ho_Chi_Minh', XK: 'Europe/Belgrade', YT: 'Indian/Mayotte', ZA: 'Africa/Johannesburg',
  ZM: 'Africa/Lusaka', ZW: 'Africa/Harare',
};

/** The most populous IANA time zone of a country, 'UTC' for a country not in the table. */
export function defaultTimeZone(country: string): string {
  return ZONES[country.toUpperCase()] ?? 'UTC';
}

/** Countries with a known default zone (for tests and admin screens). */
export function countriesWithTimeZone(): string[] {
  return Object.keys(ZONES);
}
