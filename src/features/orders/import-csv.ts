// Imports orders from the CSV layout documented in docs/import-orders-csv.md: one row per order line,
// adjacent rows with the same order_number form one order. Each order is validated on its own, so one
// bad order is reported and the import goes on.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { minorUnitDigits } from '../../domain/money.ts';
import { recordsOf } from './csv-records.ts';
import { type OrderInput, orderInputSchema } from './orders.schemas.ts';

export type CsvImportResult =
  | { rows: number[]; order: OrderInput }
  | { rows: number[]; number: string | null; errors: string[] };

// Split from strings so the formatter keeps these lists compact.
const ORDER_COLUMNS =
  `order_number external_id channel currency placed_at return_terms_disclosed customer_email
  customer_name customer_phone customer_language customer_time_zone customer_segments ship_name ship_line1
  ship_line2 ship_city ship_region ship_postal_code ship_country order_discount shipping_amount shipping_tax
  payment_provider payment_reference payment_amount tags`.split(/\s+/);
const LINE_COLUMNS =
  `line_id sku title variant category quantity unit_price line_discount line_tax flags supplier
  product_tags carrier tracking_number shipped_at delivered_at`.split(/\s+/);
const KNOWN = new Set([...ORDER_COLUMNS, ...LINE_COLUMNS]);
const REQUIRED =
  `order_number currency placed_at customer_email ship_name ship_line1 ship_city ship_country sku
  title quantity unit_price`.split(/\s+/);
const PARCEL_COLUMNS = ['carrier', 'shipped_at', 'delivered_at'];

type Cells = Record<string, string>;
interface Row {
  row: number;
  cells: Cells;
  error?: string;
}

/** A header this layout cannot trust: nothing is imported. (Broken quoting throws csv-parse's CsvError.) */
export class CsvLayoutError extends Error {}

export async function* readOrdersCsv(input: NodeJS.ReadableStream): AsyncGenerator<CsvImportResult> {
  // Empty lines come through as [''] and are skipped here, so each record's first line is counted
  // without csv-parse's per-record info object.
  const parser = input.pipe(parse({ bom: true, relax_column_count: true }));
  let header: string[] | null = null;
  let group: Row[] = [];
  const done = new Map<string, number>(); // order_number -> its first row, to catch non-adjacent rows
  let line = 0; // the last line read
  for await (const records of recordsOf<string[]>(parser as unknown as Readable)) {
    for (const record of records) {
      const row = line + 1;
      // a quoted cell with line breaks takes that many more lines
      for (const c of record) if (c.includes('\n')) line += c.split('\n').length - 1;
      line++;
      if (record.length === 1 && record[0] === '') continue;
      if (!header) {
        header = checkHeader(record.map((h) => h.trim()));
        continue;
      }
      const cells: Cells = {};
      for (let i = 0; i < header.length; i++) cells[header[i] as string] = (record[i] ?? '').trim();
      const error =
        record.length === header.length
          ? undefined
          : `row ${row}: has ${record.length} cells, the header has ${header.length}`;
      const number = cells.order_number ?? '';
      if (group.length > 0 && group[0]?.cells.order_number !== number) {
        yield finish(group, done);
        group = [];
      }
      group.push({ row, cells, ...(error ? { error } : {}) });
    }
  }
  if (!header) throw new CsvLayoutError('the file is empty: expected a header row');
  if (group.length > 0) yield finish(group, done);
}

function checkHeader(names: string[]): string[] {
  const unknown = names.filter((n) => !KNOWN.has(n));
  const missing = REQUIRED.filter((n) => !names.includes(n));
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  const problems = [
    unknown.length ? `unknown column(s): ${unknown.join(', ')}` : '',
    missing.length ? `missing column(s): ${missing.join(', ')}` : '',
    dupes.length ? `repeated column(s): ${dupes.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) throw new CsvLayoutError(`${problems.join('; ')} (see docs/import-orders-csv.md)`);
  return names;
}

function finish(rows: Row[], done: Map<string, number>): CsvImportResult {
  const numbers = rows.map((r) => r.row);
  const number = rows[0]?.cells.order_number || null;
  if (!number)
    return { rows: numbers, number, errors: rows.map((r) => `row ${r.row}: order_number: required`) };
  const first = done.get(number);
  if (first !== undefined) {
    const why = `order_number ${number} already appeared from row ${first}; rows of one order must be adjacent`;
    return { rows: numbers, number, errors: [`row ${rows[0]?.row}: ${why}`] };
  }
  done.set(number, rows[0]?.row ?? 0);
  const built = buildOrder(rows);
  if ('errors' in built) return { rows: numbers, number, errors: built.errors };
  const parsed = orderInputSchema.safeParse(built.candidate);
  if (parsed.success) return { rows: numbers, order: parsed.data };
  const errors = parsed.error.issues.map((i) =>
    i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message,
  );
  return { rows: numbers, number, errors };
}

function buildOrder(rows: Row[]): { candidate: unknown } | { errors: string[] } {
  const errors = rows.flatMap((r) => (r.error ? [r.error] : []));
  const head = rows[0] as Row;
  const o = head.cells;
  // Platforms often leave order-level cells blank after an order's first row, so blank means "same".
  if (rows.length > 1)
    for (const col of ORDER_COLUMNS) {
      const clash = rows.find((r) => (r.cells[col] ?? '') !== '' && r.cells[col] !== (o[col] ?? ''));
      if (clash)
        errors.push(
          `row ${clash.row}: ${col} "${clash.cells[col]}" differs from "${o[col]}" on row ${head.row}`,
        );
    }
  const currency = (o.currency ?? '').toUpperCase();
  const int = (r: Row, col: string) => parseMinor(r, col, currency, errors);
  const lines = rows.map((r, i) => ({
    id: opt(r.cells.line_id) ?? String(i + 1),
    ...pick(r.cells, '', ['sku', 'title', 'variant', 'category']),
    quantity: int(r, 'quantity'),
    unit_price: int(r, 'unit_price'),
    discount: int(r, 'line_discount'),
    tax: int(r, 'line_tax'),
    flags: list(r.cells.flags),
    supplier: opt(r.cells.supplier),
    tags: list(r.cells.product_tags),
  }));
  const terms = parseBool(head, 'return_terms_disclosed', errors);
  const [discount, shipping, shippingTax, paid] = [
    'order_discount',
    'shipping_amount',
    'shipping_tax',
    'payment_amount',
  ].map((c) => int(head, c));
  const payment = { provider: opt(o.payment_provider), reference: opt(o.payment_reference), amount: paid };
  const fulfillments = parcels(rows, lines, errors);
  if (errors.length) return { errors };
  return {
    candidate: {
      external_id: opt(o.external_id),
      number: o.order_number,
      channel: opt(o.channel) ?? 'csv',
      currency,
      placed_at: opt(o.placed_at),
      return_terms_disclosed: terms,
      customer: {
        ...pick(o, 'customer_', ['email', 'name', 'phone', 'language', 'time_zone']),
        segments: list(o.customer_segments),
      },
      shipping_address: pick(o, 'ship_', [
        'name',
        'line1',
        'line2',
        'city',
        'region',
        'postal_code',
        'country',
      ]),
      lines,
      discounts: discount ? [{ code: null, amount: discount }] : [],
      shipping:
        shipping === undefined && shippingTax === undefined
          ? undefined
          : { amount: shipping, tax: shippingTax },
      payments: Object.values(payment).some((v) => v !== undefined) ? [payment] : [],
      fulfillments,
      tags: list(o.tags),
    },
  };
}

/** One parcel per tracking number; rows shipped without one are grouped by their carrier and dates. */
function parcels(rows: Row[], lines: { id: string; quantity: number | undefined }[], errors: string[]) {
  const out = new Map<string, { first: Row; f: { lines: { line_id: string; quantity?: number }[] } }>();
  rows.forEach((r, i) => {
    const c = r.cells;
    const tracking = opt(c.tracking_number);
    if (!tracking && !opt(c.shipped_at) && !opt(c.delivered_at)) return;
    const key = tracking ? `t:${tracking}` : `u:${c.carrier}|${c.shipped_at}|${c.delivered_at}`;
    let p = out.get(key);
    if (!p) {
      const f = {
        id: `F${out.size + 1}`,
        lines: [],
        ...pick(c, '', ['carrier', 'tracking_number', 'shipped_at', 'delivered_at']),
      };
      p = { first: r, f };
      out.set(key, p);
    }
    for (const col of PARCEL_COLUMNS) {
      const v = c[col] ?? '';
      if (v !== '' && v !== p.first.cells[col])
        errors.push(
          `row ${r.row}: ${col} "${v}" differs from "${p.first.cells[col]}" on row ${p.first.row} for tracking number ${tracking}`,
        );
    }
    p.f.lines.push({ line_id: lines[i]?.id ?? '', quantity: lines[i]?.quantity });
  });
  return [...out.values()].map((p) => p.f);
}

/** Optional text cells: blank becomes undefined so the schema's own default (mostly null) applies. */
function pick(cells: Cells, prefix: string, names: string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const n of names) out[n] = opt(cells[prefix + n]);
  return out;
}

const opt = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
const list = (v: string | undefined): string[] =>
  v
    ? v
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

function parseMinor(r: Row, col: string, currency: string, errors: string[]): number | undefined {
  const v = r.cells[col] ?? '';
  if (v === '') return undefined;
  if (/^-?\d+$/.test(v)) return Number(v);
  const dec = /^-?(\d+)[.,](\d+)$/.exec(v);
  if (dec && col !== 'quantity') {
    const digits = /^[A-Z]{3}$/.test(currency) ? minorUnitDigits(currency) : 2;
    const frac = dec[2] ?? '';
    const hint =
      frac.length <= digits && digits > 0
        ? ` (write ${Number(`${dec[1]}${frac.padEnd(digits, '0')}`)} for ${v} ${currency})`
        : '';
    errors.push(`row ${r.row}: ${col}: "${v}" is a decimal; amounts are integers in minor units${hint}`);
  } else errors.push(`row ${r.row}: ${col}: "${v}" is not a whole number`);
  return undefined;
}

function parseBool(r: Row, col: string, errors: string[]): boolean | undefined {
  const v = (r.cells[col] ?? '').toLowerCase();
  if (v === '') return undefined;
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  errors.push(`row ${r.row}: ${col}: "${r.cells[col]}" is not true or false`);
  return undefined;
}
