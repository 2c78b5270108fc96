// Rows as COPY's CSV: what a bulk import hands Database.copyCsv, and the benchmark's raw baseline.

const QUOTES = /"/g;

/** Text as a quoted CSV cell (quoted, so that '' stays an empty string and is not read as null). */
const quoted = (text: string): string =>
  text.indexOf('"') === -1 ? `"${text}"` : `"${text.replace(QUOTES, '""')}"`;

/** A PostgreSQL array literal of text, before CSV quoting. */
function arrayLiteral(v: unknown[]): string {
  let out = '{';
  for (let i = 0; i < v.length; i++) {
    const e = String(v[i]);
    const safe = e.indexOf('"') === -1 && e.indexOf('\\') === -1;
    out += `${i === 0 ? '' : ','}"${safe ? e : e.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  }
  return `${out}}`;
}

/**
 * A value in COPY's CSV format: null is an unquoted empty cell; in a jsonb column (`json`) a value is
 * its JSON, elsewhere an array is a PostgreSQL array literal (of text).
 */
export function copyCell(v: unknown, json = false): string {
  if (v === null || v === undefined) return '';
  const type = typeof v;
  if (type === 'number' || type === 'boolean') return String(v);
  if (json) return quoted(JSON.stringify(v));
  if (type === 'string') return quoted(v as string);
  if (v instanceof Date) return quoted(v.toISOString());
  if (Array.isArray(v)) return v.length === 0 ? '"{}"' : quoted(arrayLiteral(v));
  return quoted(String(v));
}

// the jsonb columns of the tables an import writes
const JSON_COLUMNS = new Set(['shipping_address', 'discounts', 'lines', 'tracking_events']);

/** The CSV of `rows` (objects with the same keys), store_id first; returns the columns it wrote. */
export function copyCsv(storeId: string, rows: object[]): { columns: string[]; csv: string } {
  const keys = Object.keys(rows[0] ?? {});
  const json = keys.map((k) => JSON_COLUMNS.has(k));
  const n = keys.length;
  const cells: string[] = new Array(n + 1).fill('');
  cells[0] = copyCell(storeId);
  const lines: string[] = new Array(rows.length + 1);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j] as Record<string, unknown>;
    for (let i = 0; i < n; i++) cells[i + 1] = copyCell(r[keys[i] as string], json[i]);
    lines[j] = cells.join(',');
  }
  lines[rows.length] = '';
  return { columns: ['store_id', ...keys], csv: lines.join('\n') };
}
