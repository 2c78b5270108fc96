// Imports the public Olist (Brazil) marketplace dataset as our orders: real, messy order histories to
// test the return rules on. The data is CC BY-NC-SA: read it where it lies, never copy it into the repo.
//
// Choices the data forces:
// - Olist has no names, emails or streets. The email is `<customer_unique_id>@customers.olist.invalid`:
//   the unique id keeps one person's orders together, and `.invalid` (RFC 2606) guarantees no mail we
//   send in a test can ever reach anyone. Name and street are placeholders the schema needs.
// - Identical items (same product, seller and price) of one order become one line with quantity n, so a
//   customer returns "2 of 3" as with any store; the line id is the first order_item_id of the group.
// - Amounts are decimal reais strings; they are read digit by digit into centavos, never via floats.
// - Timestamps are Sao Paulo wall-clock time without offset (Brazil still had DST in 2017), converted
//   with the zone rules of that date; times in the skipped DST hour move forward by one hour.
// - A carrier date later than the delivery date (5 rows of 10k) is a data error: the delivery date,
//   which starts the return window, is kept and shipped_at dropped rather than refusing a real order.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { DateTime } from 'luxon';
import { recordsOf } from './csv-records.ts';
import { type OrderInput, orderInputSchema } from './orders.schemas.ts';

export type OlistResult = { order: OrderInput } | { external_id: string; errors: string[] };

export interface OlistSupplier {
  code: string;
  name: string;
  country: 'BR';
  city: string | null;
  state: string | null;
}

/**
 * The payments and sellers files are optional: the full Kaggle dataset has them beside the orders, the
 * 10k sample does not, and the head-truncated copies elsewhere cover only ~5% of its orders and sellers.
 * Pass a path to use such a file anyway; a path of null ignores one found in `dir`.
 */
export interface OlistFiles {
  payments?: string | null;
  sellers?: string | null;
}

type Rec = Record<string, string>;

// Customer state -> IANA zone (tzdata's zone1970.tab). Amazonas and Para span two zones; the one of the
// capital, where most customers live, is used.
const ZONES = `Sao_Paulo:SP,RJ,MG,ES,PR,SC,RS,GO,DF Fortaleza:CE,MA,PI,RN,PB Recife:PE Maceio:AL,SE Bahia:BA
  Belem:PA,AP Araguaina:TO Manaus:AM Campo_Grande:MS Cuiaba:MT Porto_Velho:RO Boa_Vista:RR Rio_Branco:AC`;
const STATE_ZONES = new Map(
  ZONES.split(/\s+/).flatMap((entry) => {
    const [zone = '', states = ''] = entry.split(':');
    return states.split(',').map((st) => [st, `America/${zone}`] as const);
  }),
);
const NOT_SHIPPED = new Set(['canceled', 'unavailable']);

/** A file's records by column name, a chunk at a time. */
function rows(path: string): AsyncGenerator<Rec[]> {
  return recordsOf<Rec>(
    createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true })),
  );
}

async function load(path: string, key: string): Promise<Map<string, Rec[]>> {
  const out = new Map<string, Rec[]>();
  for await (const chunk of rows(path))
    for (const r of chunk) {
      const k = r[key] ?? '';
      const list = out.get(k);
      if (list) list.push(r);
      else out.set(k, [r]);
    }
  return out;
}

function optionalFile(dir: string, given: string | null | undefined, names: string[]): string | null {
  if (given !== undefined) return given;
  return names.map((n) => join(dir, n)).find((p) => existsSync(p)) ?? null;
}

/** "199.9" -> 19990: exact, because the string is split at the point instead of multiplied as a float. */
export function reaisToCentavos(value: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) throw new Error(`"${value}" is not an amount in reais`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** "2017-10-10 21:25:13" (Sao Paulo wall clock) -> "2017-10-10T21:25:13-03:00". */
export function saoPauloInstant(value: string): string {
  // The zone's rules are asked once per day, or per hour on a day whose offset changes: asking them
  // for every timestamp was a third of the import's time.
  const m = SQL_TIME.exec(value.trim());
  if (m && Number(m[3]) < 60 && Number(m[4]) < 60) {
    const day = m[1] as string;
    const hour = m[2] as string;
    const offset = dayOffset(day, hour) ?? hourOffset(day, hour);
    if (offset !== null) return `${day}T${hour}:${m[3]}:${m[4]}${offset}`;
  }
  const t = DateTime.fromSQL(value.trim(), { zone: 'America/Sao_Paulo' });
  if (!t.isValid) throw new Error(`"${value}" is not a date and time`);
  return t.toISO({ suppressMilliseconds: true }) as string;
}
const SQL_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
/** wall-clock hour -> its UTC offset, or null for an hour luxon must place itself */
const offsets = new Map<string, string | null>();
/** day -> the offset of its hours 01 to 22 when they share one, else null */
const days = new Map<string, string | null>();

/** The offset of a wall-clock hour, or null for an hour that does not exist (the DST gap moves it). */
function hourOffset(day: string, hour: string): string | null {
  const key = `${day}T${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= 100_000) offsets.clear();
    const t = DateTime.fromSQL(`${day} ${hour}:00:00`, { zone: 'America/Sao_Paulo' });
    const iso = t.isValid ? (t.toISO({ suppressMilliseconds: true }) as string) : '';
    offset = iso.startsWith(`${key}:00:00`) ? iso.slice(19) : null;
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The day's offset for an hour from 01 to 22 when 01:00 and 22:00 have the same one (an offset that
 * changed between them would have to change back the same day); null for the first and last hours,
 * where Brazil's changes happened (at midnight), and for a day with a change.
 */
function dayOffset(day: string, hour: string): string | null {
  if (hour < '01' || hour > '22') return null;
  let offset = days.get(day);
  if (offset === undefined) {
    if (days.size >= 10_000) days.clear();
    const first = hourOffset(day, '01');
    offset = first !== null && first === hourOffset(day, '22') ? first : null;
    days.set(day, offset);
  }
  return offset;
}

const short = (id: string) => id.slice(0, 8);

export async function* readOlist(dir: string, files: OlistFiles = {}): AsyncGenerator<OlistResult> {
  const [items, customers, products, translations] = await Promise.all([
    load(join(dir, 'order_items.csv'), 'order_id'),
    load(join(dir, 'customers.csv'), 'customer_id'),
    load(join(dir, 'products.csv'), 'product_id'),
    load(join(dir, 'product_category_name_translation.csv'), 'product_category_name'),
  ]);
  const paymentsFile = optionalFile(dir, files.payments, [
    'olist_order_payments_dataset.csv',
    'payments.csv',
  ]);
  const payments = paymentsFile ? await load(paymentsFile, 'order_id') : new Map<string, Rec[]>();
  // A few Portuguese names have no translation in Olist's own table (pc_gamer): keep them as they are.
  const category = (productId: string) => {
    const pt = products.get(productId)?.[0]?.product_category_name;
    return pt ? translations.get(pt)?.[0]?.product_category_name_english || pt : null;
  };

  for await (const chunk of rows(join(dir, 'orders.csv')))
    for (const o of chunk) {
      const id = o.order_id ?? '';
      try {
        const customer = customers.get(o.customer_id ?? '')?.[0];
        const order = toOrder(o, items.get(id) ?? [], customer, payments.get(id) ?? [], category);
        const parsed = orderInputSchema.safeParse(order);
        if (parsed.success) yield { order: parsed.data };
        else
          yield {
            external_id: id,
            errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
          };
      } catch (e) {
        yield { external_id: id, errors: [(e as Error).message] };
      }
    }
}

function toOrder(
  o: Rec,
  items: Rec[],
  c: Rec | undefined,
  paid: Rec[],
  categoryOf: (id: string) => string | null,
) {
  const status = o.order_status ?? '';
  if (items.length === 0) throw new Error(`no items in order_items.csv (order_status ${status})`);
  if (!c) throw new Error(`customer ${o.customer_id} is not in customers.csv`);
  const groups = new Map<string, Rec[]>();
  for (const it of [...items].sort((a, b) => Number(a.order_item_id) - Number(b.order_item_id))) {
    const key = `${it.product_id}|${it.seller_id}|${it.price}`;
    groups.set(key, [...(groups.get(key) ?? []), it]);
  }
  const lines = [...groups.values()].map((g) => {
    const it = g[0] as Rec;
    const category = categoryOf(it.product_id ?? '');
    return {
      id: it.order_item_id,
      sku: it.product_id,
      // Olist publishes no product names; the category and a short id are what a person can recognise.
      title: `${category?.replace(/_/g, ' ') ?? 'product'} ${short(it.product_id ?? '')}`,
      category,
      quantity: g.length,
      unit_price: reaisToCentavos(it.price ?? ''),
      supplier: it.seller_id,
    };
  });
  const merchandise = items.reduce((s, it) => s + reaisToCentavos(it.price ?? ''), 0);
  const freight = items.reduce((s, it) => s + reaisToCentavos(it.freight_value ?? ''), 0);
  const total = merchandise + freight;

  // The payments file is used only when it accounts for the whole order: a truncated copy can hold just
  // some of an order's payments, and a short total would cap refunds below what the customer paid.
  const bySequence = [...paid].sort((a, b) => Number(a.payment_sequential) - Number(b.payment_sequential));
  const filePayments = bySequence.map((p) => {
    return {
      provider: p.payment_type || 'olist',
      reference: null,
      amount: reaisToCentavos(p.payment_value ?? ''),
    };
  });
  const payments =
    filePayments.reduce((s, p) => s + p.amount, 0) === total && filePayments.length > 0
      ? filePayments
      : [{ provider: 'olist', reference: null, amount: total }];

  const at = (v: string | undefined) => (v ? saoPauloInstant(v) : null);
  const delivered = at(o.order_delivered_customer_date);
  let shipped = at(o.order_delivered_carrier_date);
  if (shipped && delivered && Date.parse(shipped) > Date.parse(delivered)) shipped = null;
  const parcel = {
    id: 'F1',
    carrier: null,
    tracking_number: null,
    shipped_at: shipped,
    delivered_at: delivered,
  };
  const shippedLines = lines.map((l) => ({ line_id: l.id, quantity: l.quantity }));
  const fulfillments =
    NOT_SHIPPED.has(status) || (!shipped && !delivered) ? [] : [{ ...parcel, lines: shippedLines }];

  const state = c.customer_state ?? '';
  return {
    external_id: o.order_id,
    number: o.order_id,
    channel: 'olist',
    currency: 'BRL',
    placed_at: at(o.order_purchase_timestamp),
    customer: {
      email: `${c.customer_unique_id}@customers.olist.invalid`,
      language: 'pt-BR',
      time_zone: STATE_ZONES.get(state) ?? null,
    },
    shipping_address: {
      name: `Olist customer ${short(c.customer_unique_id ?? '')}`,
      line1: '(street not in the Olist data)',
      city: c.customer_city,
      region: state || null,
      // Olist gives the first 5 digits of the 8-digit CEP, as a number (leading zero lost).
      postal_code: c.customer_zip_code_prefix ? c.customer_zip_code_prefix.padStart(5, '0') : null,
      country: 'BR',
    },
    lines,
    shipping: { amount: freight, tax: 0 },
    payments,
    fulfillments,
  };
}

/** The sellers the orders refer to, with city and state when a sellers file knows them. */
export async function readOlistSuppliers(dir: string, files: OlistFiles = {}): Promise<OlistSupplier[]> {
  const sellersFile = optionalFile(dir, files.sellers, ['olist_sellers_dataset.csv', 'sellers.csv']);
  const known = sellersFile ? await load(sellersFile, 'seller_id') : new Map<string, Rec[]>();
  const codes = new Set<string>();
  for await (const chunk of rows(join(dir, 'order_items.csv')))
    for (const it of chunk) codes.add(it.seller_id ?? '');
  return [...codes].sort().map((code) => {
    const s = known.get(code)?.[0];
    return {
      code,
      name: `Olist seller ${short(code)}`,
      country: 'BR',
      city: s?.seller_city || null,
      state: s?.seller_state || null,
    };
  });
}
