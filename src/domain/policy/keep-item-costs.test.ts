// Keep-the-item per destination: with the store's cost tables in the context, the return cost a line
// is weighed against is the customer's label for its parcel weight plus handling, not the policy's
// one flat estimate. L2 is a 20.00 scarf with 3.80 tax: 30 % of its value is 7.14.
import { L2, runScenarios, twoLines } from './scenario-helpers.ts';

const policy = { keep_item: { max_return_cost_share_percent: 30, estimated_return_cost: 100 } };
const costs = (unitGrams: number, bands: { max_grams: number; cost: number }[], handlingPerUnit = 150) => ({
  returnCosts: { L2: { unitGrams, bands, handlingPerUnit } },
});
const BANDS = [
  { max_grams: 1000, cost: 400 },
  { max_grams: 5000, cost: 650 },
];

runScenarios('keep-the-item weighs the store cost tables', [
  {
    name: 'without tables the flat 1.00 estimate is below 30 %: send it back',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy,
    req: L2(),
    expect: { lines: [{ keep_item: false }] },
  },
  {
    name: 'a light parcel: label 4.00 + handling 1.50 = 5.50, under 7.14: send it back',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy,
    ctx: costs(300, BANDS),
    req: L2(),
    expect: { lines: [{ keep_item: false }] },
  },
  {
    name: 'a heavy parcel: label 6.50 + handling 1.50 = 8.00, over 7.14: keep it',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy,
    ctx: costs(1200, BANDS),
    req: L2(),
    expect: { lines: [{ keep_item: true }] },
    explains: { code: 'keep_item_return_cost', params: { percent: 30 } },
  },
  {
    name: 'past the last band the last band prices it: 6.50 + 1.00 = 7.50, over 7.14: keep it',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy,
    ctx: costs(9000, BANDS, 100),
    req: L2(),
    expect: { lines: [{ keep_item: true }] },
  },
  {
    name: 'tables for another line leave this one on the flat estimate',
    country: 'US',
    zone: 'America/New_York',
    lines: twoLines(),
    policy: { keep_item: { max_return_cost_share_percent: 30, estimated_return_cost: 900 } },
    ctx: { returnCosts: { L1: { unitGrams: 100, bands: BANDS, handlingPerUnit: 0 } } },
    req: L2(),
    expect: { lines: [{ keep_item: true }] },
  },
]);
