// The demo store's cost tables for disposition by cost: a Hamburg warehouse, labels to its suppliers
// in Portugal, Germany and China, customers' return labels by country, and the import VAT lost when a
// unit leaves Germany again, so the inspection screen compares real routes (a faulty pair of earbuds
// back to Shenzhen against local disposal; a worn jumper refurbished against liquidated).
import { type DispositionCosts, dispositionCostsSchema } from '../../domain/suppliers/disposition.ts';

const bands = (...costs: [number, number, number]) =>
  [
    { max_grams: 1000, cost: costs[0] },
    { max_grams: 5000, cost: costs[1] },
    { max_grams: 30000, cost: costs[2] },
  ] as const;

export const DEMO_DISPOSITION_COSTS: DispositionCosts = dispositionCostsSchema.parse({
  currency: 'EUR',
  default_weight_grams: 400,
  labels: {
    return_to_supplier: {
      default: bands(1800, 3500, 7000),
      by_country: { DE: bands(590, 890, 1690), PT: bands(990, 1490, 2990), CN: bands(1390, 3900, 9800) },
    },
    local_hub: bands(450, 690, 1290),
    customer_return: {
      default: bands(790, 1190, 2490),
      by_country: {
        DE: bands(499, 699, 1499),
        FR: bands(650, 990, 1990),
        ES: bands(690, 1090, 2190),
        GB: bands(1290, 1990, 3990),
        US: bands(1890, 2990, 5990),
        JP: bands(2200, 3500, 7900),
        BR: bands(2400, 3900, 8900),
        CN: bands(1690, 2900, 6900),
      },
    },
  },
  handling: {
    restock: 150,
    refurbish: 300,
    return_to_supplier: 250,
    local_hub: 200,
    liquidate: 100,
    donate: 150,
    dispose: 100,
  },
  refurbish_cost: 900,
  resale_percent: { A: 95, B: 70, C: 40, D: 0 },
  refurbished_resale_percent: 60,
  liquidation_percent: { A: 30, B: 20, C: 10, D: 0 },
  disposal_cost: 250,
  reexport_loss_percent: { DE: 19 },
});
