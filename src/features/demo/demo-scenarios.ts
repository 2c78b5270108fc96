// The demo store's orders: who bought what, how far each got, and the return or cases on it.
import type { ReasonCode } from '../../domain/reasons.ts';
import type { DemoCase } from './demo-cases.ts';
import type { DemoStage } from './demo-returns.ts';

export interface Scenario {
  customer: string;
  lines: [sku: string, quantity: number][];
  stage: 'unfulfilled' | 'shipped' | 'delivered';
  deliveredDaysAgo?: number;
  /** a parcel still on its way: shipped this many days ago */
  shippedDaysAgo?: number;
  /** after-sales cases other than returns on this order */
  cases?: DemoCase[];
  ret?: {
    sku: string;
    reason: ReasonCode;
    opened?: boolean;
    resolution?: 'refund' | 'store_credit' | 'exchange' | 'keep_item';
    exchangeTo?: string;
    to: DemoStage;
  };
}

export const SCENARIOS: Scenario[] = [
  {
    customer: 'de',
    lines: [
      ['JUMPER-M-BLUE', 1],
      ['TEE-M-WHITE', 2],
    ],
    stage: 'delivered',
    deliveredDaysAgo: 4,
    ret: {
      sku: 'JUMPER-M-BLUE',
      reason: 'size_too_small',
      resolution: 'exchange',
      exchangeTo: 'JUMPER-L-BLUE',
      to: 'label',
    },
  },
  { customer: 'de', lines: [['SERUM-30ML', 1]], stage: 'delivered', deliveredDaysAgo: 2 },
  {
    customer: 'fr',
    lines: [['EARBUDS-PRO', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 6,
    ret: { sku: 'EARBUDS-PRO', reason: 'defective', to: 'requested' },
  },
  { customer: 'fr', lines: [['JUMPER-S-BLUE', 1]], stage: 'delivered', deliveredDaysAgo: 120 },
  {
    customer: 'es',
    lines: [
      ['TEE-M-WHITE', 1],
      ['CHOC-BOX', 1],
    ],
    stage: 'delivered',
    deliveredDaysAgo: 5,
    ret: { sku: 'TEE-M-WHITE', reason: 'changed_mind', to: 'in_transit' },
  },
  {
    customer: 'gb',
    lines: [['JUMPER-S-BLUE', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 9,
    ret: { sku: 'JUMPER-S-BLUE', reason: 'not_as_described', to: 'received' },
  },
  {
    customer: 'us',
    lines: [
      ['CHARGER-65W', 1],
      ['TEE-M-WHITE', 1],
    ],
    stage: 'delivered',
    deliveredDaysAgo: 7,
    ret: { sku: 'CHARGER-65W', reason: 'changed_mind', to: 'requested' },
  },
  {
    customer: 'us',
    lines: [['TEE-M-WHITE', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 10,
    ret: { sku: 'TEE-M-WHITE', reason: 'style', to: 'rejected' },
  },
  {
    customer: 'cn',
    lines: [['JUMPER-M-BLUE', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 3,
    ret: { sku: 'JUMPER-M-BLUE', reason: 'changed_mind', to: 'inspected' },
  },
  {
    customer: 'gb',
    lines: [['EARBUDS-PRO', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 9,
    // its supplier's claim is sent and acknowledged (demo-claims.ts)
    ret: { sku: 'EARBUDS-PRO', reason: 'defective', to: 'completed' },
  },
  {
    customer: 'tw',
    lines: [['LIPSTICK-RUBY', 2]],
    stage: 'delivered',
    deliveredDaysAgo: 8,
    ret: { sku: 'LIPSTICK-RUBY', reason: 'wrong_item', to: 'completed' },
  },
  {
    customer: 'ru',
    lines: [['EARBUDS-PRO', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 2,
    ret: { sku: 'EARBUDS-PRO', reason: 'changed_mind', to: 'canceled' },
  },
  {
    customer: 'br',
    lines: [['TEE-M-WHITE', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 3,
    ret: { sku: 'TEE-M-WHITE', reason: 'color', to: 'completed' },
  },
  {
    customer: 'jp',
    lines: [
      ['MUG-NAME', 1],
      ['JUMPER-L-BLUE', 1],
    ],
    stage: 'delivered',
    deliveredDaysAgo: 5,
    ret: { sku: 'JUMPER-L-BLUE', reason: 'size_too_large', resolution: 'store_credit', to: 'completed' },
  },
  {
    customer: 'au',
    lines: [['LIPSTICK-RUBY', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 4,
    ret: { sku: 'LIPSTICK-RUBY', reason: 'color', resolution: 'keep_item', to: 'completed' },
  },
  {
    customer: 'au',
    lines: [
      ['EBOOK-CARE', 1],
      ['CHARGER-65W', 1],
    ],
    stage: 'shipped',
  },
  { customer: 'cn', lines: [['SERUM-30ML', 1]], stage: 'unfulfilled' },
  { customer: 'gb', lines: [['JUMPER-XL-BLUE', 1]], stage: 'unfulfilled' },
  // cases other than returns, every kind in more than one status
  { customer: 'ru', lines: [['TEE-M-WHITE', 2]], stage: 'unfulfilled', cases: [{ kind: 'cancellation' }] },
  {
    customer: 'es',
    lines: [['JUMPER-M-BLUE', 1]],
    stage: 'unfulfilled',
    cases: [{ kind: 'address_change', line1: 'Calle de Alcalá 42', postal_code: '28014' }],
  },
  {
    customer: 'fr',
    lines: [['TEE-M-WHITE', 1]],
    stage: 'shipped',
    shippedDaysAgo: 1,
    cases: [
      { kind: 'address_change', line1: '12 rue de Rivoli', postal_code: '75004', intercept: 'requested' },
    ],
  },
  {
    customer: 'br',
    lines: [['JUMPER-L-BLUE', 1]],
    stage: 'shipped',
    shippedDaysAgo: 50,
    cases: [{ kind: 'lost_parcel' }],
  },
  {
    customer: 'de',
    lines: [['CHARGER-65W', 1]],
    stage: 'shipped',
    shippedDaysAgo: 33,
    cases: [{ kind: 'lost_parcel', then: 'reship' }],
  },
  {
    customer: 'us',
    lines: [['JUMPER-S-BLUE', 1]],
    stage: 'shipped',
    shippedDaysAgo: 17,
    cases: [{ kind: 'delivery_delay' }],
  },
  { customer: 'br', lines: [['TEE-M-WHITE', 1]], stage: 'shipped', shippedDaysAgo: 38 },
  {
    customer: 'de',
    lines: [['JUMPER-L-BLUE', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 2,
    cases: [
      { kind: 'item_problem', sku: 'JUMPER-L-BLUE', reason: 'damaged_in_transit', photo: true, offer: 1500 },
    ],
  },
  {
    customer: 'fr',
    lines: [['EARBUDS-PRO', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 3,
    cases: [{ kind: 'item_problem', sku: 'EARBUDS-PRO', reason: 'defective', photo: false }],
  },
  {
    customer: 'gb',
    lines: [['CHARGER-65W', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 20,
    cases: [{ kind: 'dispute', reason: 'product_not_received', dueInDays: 3 }],
  },
  {
    customer: 'us',
    lines: [['TEE-M-WHITE', 2]],
    stage: 'delivered',
    deliveredDaysAgo: 25,
    cases: [{ kind: 'dispute', reason: 'fraudulent', dueInDays: 9, submitted: true }],
  },
  {
    customer: 'jp',
    lines: [['JUMPER-M-BLUE', 1]],
    stage: 'delivered',
    deliveredDaysAgo: 6,
    cases: [{ kind: 'inquiry', subject: 'お手入れ方法', message: 'このセーターは洗濯機で洗えますか？' }],
  },
];
