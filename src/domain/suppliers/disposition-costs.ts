// A store's cost tables for disposition: what each route costs per unit and per parcel, and what
// each grade fetches again. All money is in minor units of the table's `currency`; every field has a
// default so `{}` is a usable (if rough) table. The chooser (disposition.ts) reads these; so does the
// keep-the-item estimate (the customer's return label for a destination and a weight).
import { z } from 'zod';
import { currencyCodeSchema } from '../currency.ts';

const minor = z.number().int().min(0).max(100_000_000);
const percent = z.number().min(0).max(100);
const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 country code such as DE')
  .transform((c) => c.toUpperCase());

/** A label's cost by the parcel's weight: the first band whose max_grams holds the parcel. */
const bandsSchema = z
  .array(z.strictObject({ max_grams: z.number().int().positive(), cost: minor }))
  .min(1)
  .max(50)
  .refine(
    (bs) => bs.every((b, i) => i === 0 || b.max_grams > (bs[i - 1]?.max_grams ?? 0)),
    'bands in ascending order of max_grams, each once',
  );
export type WeightBands = z.output<typeof bandsSchema>;

/** Bands per country, with a default for the countries not listed. */
const byCountrySchema = (fallback: WeightBands) =>
  z.strictObject({
    default: bandsSchema.default(fallback),
    by_country: z.record(country, bandsSchema).default({}),
  });

const perGrade = (a: number, b: number, c: number, d: number) =>
  z.strictObject({
    A: percent.default(a),
    B: percent.default(b),
    C: percent.default(c),
    D: percent.default(d),
  });

const handlingSchema = z.strictObject({
  /** taking a customer's return in (unpacking, checking): keep-the-item weighs it with the label */
  receive: minor.default(150),
  restock: minor.default(150),
  refurbish: minor.default(300),
  return_to_supplier: minor.default(250),
  local_hub: minor.default(200),
  liquidate: minor.default(100),
  donate: minor.default(150),
  dispose: minor.default(100),
});

const SUPPLIER_BANDS: WeightBands = [
  { max_grams: 1000, cost: 1500 },
  { max_grams: 5000, cost: 3000 },
  { max_grams: 30000, cost: 6000 },
];
const HUB_BANDS: WeightBands = [
  { max_grams: 1000, cost: 450 },
  { max_grams: 5000, cost: 800 },
  { max_grams: 30000, cost: 1600 },
];
const CUSTOMER_BANDS: WeightBands = [
  { max_grams: 1000, cost: 550 },
  { max_grams: 5000, cost: 950 },
  { max_grams: 30000, cost: 1900 },
];

export const dispositionCostsSchema = z.strictObject({
  /** the currency of every amount below */
  currency: currencyCodeSchema.default('EUR'),
  /** a unit whose weight the catalogue does not know is taken to weigh this */
  default_weight_grams: z.number().int().positive().max(1_000_000).default(500),
  labels: z
    .strictObject({
      /** to the supplier, by the supplier's country */
      return_to_supplier: byCountrySchema(SUPPLIER_BANDS).default({
        default: SUPPLIER_BANDS,
        by_country: {},
      }),
      /** to the store's local hub or 3PL */
      local_hub: bandsSchema.default(HUB_BANDS),
      /** the customer's return label, by the country the parcel leaves (keep-the-item weighs this) */
      customer_return: byCountrySchema(CUSTOMER_BANDS).default({ default: CUSTOMER_BANDS, by_country: {} }),
    })
    .default({
      return_to_supplier: { default: SUPPLIER_BANDS, by_country: {} },
      local_hub: HUB_BANDS,
      customer_return: { default: CUSTOMER_BANDS, by_country: {} },
    }),
  /** per unit, by route */
  handling: handlingSchema.default(handlingSchema.parse({})),
  /** parts and labour to refurbish one unit */
  refurbish_cost: minor.default(800),
  /** what a unit put back on sale fetches, percent of its price, by grade */
  resale_percent: perGrade(100, 70, 40, 0).default({ A: 100, B: 70, C: 40, D: 0 }),
  /** what a refurbished unit fetches, percent of its price */
  refurbished_resale_percent: percent.default(60),
  /** what a liquidator pays, percent of the unit's price, by grade */
  liquidation_percent: perGrade(30, 20, 10, 0).default({ A: 30, B: 20, C: 10, D: 0 }),
  /** disposal fee per unit (on top of handling) */
  disposal_cost: minor.default(200),
  /**
   * Import duties and VAT lost when a unit leaves again for its supplier abroad, percent of its
   * customs value (the unit cost), by the country the unit sits in (a hub in DE re-exporting to CN
   * does not get back the import VAT it paid).
   */
  reexport_loss_percent: z.record(country, percent).default({}),
});
export type DispositionCosts = z.output<typeof dispositionCostsSchema>;
export type DispositionCostsInput = z.input<typeof dispositionCostsSchema>;

/** The cost of one parcel of `grams` by the bands; past the last band, the last band's cost. */
export function bandCost(bands: WeightBands, grams: number): { cost: number; max_grams: number } {
  const band = bands.find((b) => grams <= b.max_grams) ?? bands[bands.length - 1];
  if (!band) throw new RangeError('bandCost: no bands');
  return band;
}

/** The bands for a country: its own, else the table's default. */
export function bandsFor(
  table: { default: WeightBands; by_country: Record<string, WeightBands> },
  country: string | null,
): WeightBands {
  return (country ? table.by_country[country.toUpperCase()] : undefined) ?? table.default;
}

/** Stored tables read leniently: nothing stored is no tables; a stored document that no longer
 *  parses is treated as none rather than breaking every inspection. */
export function readStoredCosts(document: unknown, fallbackCurrency: string): DispositionCosts | null {
  if (!document || typeof document !== 'object') return null;
  const parsed = dispositionCostsSchema.safeParse({ currency: fallbackCurrency, ...document });
  return parsed.success ? parsed.data : null;
}
