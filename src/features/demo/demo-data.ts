// The demo store's catalogue and customers: enough variety that every policy path shows up
// (apparel sizes, opened cosmetics, activated electronics, personalised, perishable, digital) for
// customers in the countries whose laws differ most.
import type { ProductFlag } from '../../domain/order.ts';
import type { SupplierTermsInput } from '../../domain/suppliers/terms.ts';

export interface DemoProduct {
  sku: string;
  group: string;
  title: string;
  variant: string | null;
  category: string;
  eur: number; // price in euro cents before tax; other currencies are converted
  flags: ProductFlag[];
  supplier: string;
  weight: number;
  /** catalogue tags the policy's rules match on */
  tags?: string[];
}

const jumper = (size: string, eur = 4999): DemoProduct => ({
  sku: `JUMPER-${size}-BLUE`,
  group: 'JUMPER',
  title: 'Merino wool jumper',
  variant: `${size} / Blue`,
  category: 'apparel',
  eur,
  flags: [],
  supplier: 'SUP-KNIT',
  weight: 450,
});

export const DEMO_PRODUCTS: DemoProduct[] = [
  jumper('S'),
  jumper('M'),
  jumper('L'),
  // The last size on clearance: the demo policy's tag rule makes it final sale where the law allows.
  { ...jumper('XL', 5499), tags: ['clearance'] },
  {
    sku: 'TEE-M-WHITE',
    group: 'TEE',
    title: 'Organic cotton tee',
    variant: 'M / White',
    category: 'apparel',
    eur: 1999,
    flags: [],
    supplier: 'SUP-KNIT',
    weight: 180,
  },
  {
    sku: 'SERUM-30ML',
    group: 'SERUM',
    title: 'Vitamin C face serum 30 ml',
    variant: null,
    category: 'cosmetics',
    eur: 2900,
    flags: ['sealed_hygiene'],
    supplier: 'SUP-BEAUTY',
    weight: 90,
  },
  {
    sku: 'LIPSTICK-RUBY',
    group: 'LIPSTICK',
    title: 'Satin lipstick',
    variant: 'Ruby',
    category: 'cosmetics',
    eur: 1400,
    flags: ['sealed_hygiene'],
    supplier: 'SUP-BEAUTY',
    weight: 30,
  },
  {
    sku: 'EARBUDS-PRO',
    group: 'EARBUDS',
    title: 'Wireless earbuds Pro',
    variant: null,
    category: 'electronics',
    eur: 8900,
    flags: [],
    supplier: 'SUP-SZ-AUDIO',
    weight: 120,
  },
  {
    sku: 'CHARGER-65W',
    group: 'CHARGER',
    title: 'GaN charger 65 W',
    variant: null,
    category: 'electronics',
    eur: 3500,
    flags: [],
    supplier: 'SUP-SZ-AUDIO',
    weight: 150,
  },
  {
    sku: 'MUG-NAME',
    group: 'MUG',
    title: 'Mug with your name',
    variant: 'Custom text',
    category: 'home',
    eur: 1800,
    flags: ['personalized'],
    supplier: 'SUP-PRINT',
    weight: 400,
  },
  {
    sku: 'CHOC-BOX',
    group: 'CHOC',
    title: 'Hand-made chocolate box',
    variant: null,
    category: 'food',
    eur: 2400,
    flags: ['perishable'],
    supplier: 'SUP-CHOC',
    weight: 300,
  },
  {
    sku: 'EBOOK-CARE',
    group: 'EBOOK',
    title: 'Knitwear care guide (e-book)',
    variant: null,
    category: 'digital',
    eur: 500,
    flags: ['digital'],
    supplier: 'SUP-PRINT',
    weight: 0,
  },
];

/** The demo's suppliers and their return terms: a Shenzhen factory that takes back faulty units only,
 *  for 15 days, billing in dollars; a German printer that takes anything back for 30 days and pays
 *  the way back; the others with no terms recorded yet (the console asks for them). */
export const DEMO_SUPPLIERS: {
  code: string;
  name: string;
  country: string;
  email: string | null;
  terms?: SupplierTermsInput;
}[] = [
  {
    code: 'SUP-KNIT',
    name: 'Porto Knitwear Lda.',
    country: 'PT',
    email: 'returns@porto-knitwear.example',
    terms: {
      currency: 'EUR',
      reasons: 'any',
      window_days: 30,
      window_from: 'receipt_by_store',
      remedy: 'credit',
    },
  },
  { code: 'SUP-BEAUTY', name: 'Seoul Beauty Lab', country: 'KR', email: null },
  {
    code: 'SUP-SZ-AUDIO',
    name: 'Shenzhen Audio Tech Co.',
    country: 'CN',
    email: 'aftersales@sz-audio.example',
    terms: {
      currency: 'USD',
      accepts_returns: true,
      reasons: 'seller_fault',
      window_days: 15,
      window_from: 'delivery',
      evidence: ['photos', 'video'],
      remedy: 'credit',
      return_shipping_paid_by: 'store',
      claim_deadline_days: 30,
      return_address: {
        name: 'Shenzhen Audio Tech Co. — Returns',
        line1: '18 Keji South Road, Nanshan',
        city: 'Shenzhen',
        postal_code: '518057',
        region: 'Guangdong',
        country: 'CN',
      },
      // its chargers are a sealed electrical item: faulty ones are credited, never taken back
      sku_overrides: { 'CHARGER-65W': { remedy: 'credit', evidence: ['photos'] } },
    },
  },
  {
    code: 'SUP-PRINT',
    name: 'PrintWorks GmbH',
    country: 'DE',
    email: 'service@printworks.example',
    terms: {
      currency: 'EUR',
      reasons: 'any',
      window_days: 30,
      window_from: 'delivery',
      restocking_fee_percent: 10,
      remedy: 'refund',
      return_shipping_paid_by: 'supplier',
      claim_deadline_days: 45,
      return_address: {
        name: 'PrintWorks GmbH',
        line1: 'Industriestraße 12',
        city: 'Leipzig',
        postal_code: '04109',
        country: 'DE',
      },
      // personalised mugs are made to order: the printer takes back misprints only
      sku_overrides: { 'MUG-NAME': { reasons: 'seller_fault' } },
    },
  },
  { code: 'SUP-CHOC', name: 'Chocolaterie Lambert', country: 'BE', email: null },
];

/** What the store pays its suppliers per unit, in the currency each bills (the rest: 40 % of the
 *  price, in euro). */
export const DEMO_UNIT_COSTS: Record<string, { amount: number; currency: string }> = {
  'EARBUDS-PRO': { amount: 3100, currency: 'USD' },
  'CHARGER-65W': { amount: 1150, currency: 'USD' },
};

export interface DemoCustomer {
  key: string;
  email: string;
  name: string;
  language: string;
  time_zone: string;
  currency: string;
  rate: number; // units of the currency per euro (e.g. 160 yen), for demo prices
  vat: number; // percent
  segments: string[];
  address: { line1: string; city: string; region: string | null; postal_code: string; country: string };
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    key: 'de',
    email: 'anna.schmidt@example.de',
    name: 'Anna Schmidt',
    language: 'de',
    time_zone: 'Europe/Berlin',
    currency: 'EUR',
    rate: 1,
    vat: 19,
    segments: ['vip'],
    address: { line1: 'Invalidenstr. 1', city: 'Berlin', region: null, postal_code: '10115', country: 'DE' },
  },
  {
    key: 'fr',
    email: 'camille.martin@example.fr',
    name: 'Camille Martin',
    language: 'fr',
    time_zone: 'Europe/Paris',
    currency: 'EUR',
    rate: 1,
    vat: 20,
    segments: [],
    address: { line1: '12 rue de Rivoli', city: 'Paris', region: null, postal_code: '75004', country: 'FR' },
  },
  {
    key: 'es',
    email: 'lucia.garcia@example.es',
    name: 'Lucía García',
    language: 'es',
    time_zone: 'Europe/Madrid',
    currency: 'EUR',
    rate: 1,
    vat: 21,
    segments: [],
    address: {
      line1: 'Calle de Alcalá 20',
      city: 'Madrid',
      region: null,
      postal_code: '28014',
      country: 'ES',
    },
  },
  {
    key: 'gb',
    email: 'oliver.brown@example.co.uk',
    name: 'Oliver Brown',
    language: 'en',
    time_zone: 'Europe/London',
    currency: 'GBP',
    rate: 0.86,
    vat: 20,
    segments: [],
    address: {
      line1: '221B Baker Street',
      city: 'London',
      region: null,
      postal_code: 'NW1 6XE',
      country: 'GB',
    },
  },
  {
    key: 'us',
    email: 'emily.johnson@example.com',
    name: 'Emily Johnson',
    language: 'en',
    time_zone: 'America/New_York',
    currency: 'USD',
    rate: 1.08,
    vat: 8,
    segments: ['flagged'],
    address: {
      line1: '350 Fifth Avenue',
      city: 'New York',
      region: 'NY',
      postal_code: '10118',
      country: 'US',
    },
  },
  {
    key: 'cn',
    email: 'wang.fang@example.cn',
    name: '王芳',
    language: 'zh-Hans',
    time_zone: 'Asia/Shanghai',
    currency: 'CNY',
    rate: 7.8,
    vat: 13,
    segments: [],
    address: {
      line1: '南京东路 100 号',
      city: '上海',
      region: '上海市',
      postal_code: '200001',
      country: 'CN',
    },
  },
  {
    key: 'tw',
    email: 'chen.ya-ting@example.tw',
    name: '陳雅婷',
    language: 'zh-Hant',
    time_zone: 'Asia/Taipei',
    currency: 'TWD',
    rate: 34,
    vat: 5,
    segments: [],
    address: { line1: '信義路五段 7 號', city: '台北市', region: null, postal_code: '110', country: 'TW' },
  },
  {
    key: 'ru',
    email: 'ivan.petrov@example.ru',
    name: 'Иван Петров',
    language: 'ru',
    time_zone: 'Europe/Moscow',
    currency: 'RUB',
    rate: 95,
    vat: 20,
    segments: [],
    address: { line1: 'ул. Тверская, 7', city: 'Москва', region: null, postal_code: '125009', country: 'RU' },
  },
  {
    key: 'br',
    email: 'joao.silva@example.com.br',
    name: 'João Silva',
    language: 'pt-BR',
    time_zone: 'America/Sao_Paulo',
    currency: 'BRL',
    rate: 5.9,
    vat: 0,
    segments: [],
    address: {
      line1: 'Av. Paulista, 1000',
      city: 'São Paulo',
      region: 'SP',
      postal_code: '01310-100',
      country: 'BR',
    },
  },
  {
    key: 'jp',
    email: 'yuki.tanaka@example.jp',
    name: '田中 由紀',
    language: 'ja',
    time_zone: 'Asia/Tokyo',
    currency: 'JPY',
    rate: 160,
    vat: 10,
    segments: ['vip'],
    address: {
      line1: '丸の内 1-1',
      city: '千代田区',
      region: '東京都',
      postal_code: '100-0005',
      country: 'JP',
    },
  },
  {
    key: 'au',
    email: 'jack.wilson@example.com.au',
    name: 'Jack Wilson',
    language: 'en',
    time_zone: 'Australia/Sydney',
    currency: 'AUD',
    rate: 1.65,
    vat: 10,
    segments: [],
    address: { line1: '1 Macquarie St', city: 'Sydney', region: 'NSW', postal_code: '2000', country: 'AU' },
  },
];
