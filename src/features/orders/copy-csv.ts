// Rows as COPY's CSV: what a bulk import hands Database.copyCsv, and the benchmark's raw baseline.

/**
 * A value in COPY's CSV format: null is an unquoted empty cell; in a jsonb column (`json`) a value is
 * its JSON, elsewhere an array is a PostgreSQL array literal (of text).
 */
export function copyCell(v: unknown, json = false): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = json
    ? JSON.stringify(v)
    : v instanceof Date
      ? v.toISOString()
      : Array.isArray(v)
        ? `{${v.map((e) => `"${String(e).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`
        : String(v);
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

// the jsonb columns of the tables an import writes
const JSON_COLUMNS = new Set(['shipping_address', 'discounts', 'lines', 'tracking_events']);

/** The CSV of `rows` (objects with the same keys), store_id first; returns the columns it wrote. */
export function copyCsv(storeId: string, rows: object[]): { columns: string[]; csv: string } {
  const keys = Object.keys(rows[0] ?? {});
  const json = keys.map((k) => JSON_COLUMNS.has(k));
  const lines = rows.map((r) => {
    const cells = [copyCell(storeId)];
    keys.forEach((k, i) => {
      cells.push(copyCell((r as Record<string, unknown>)[k], json[i]));
    });
    return cells.join(',');
  });
  return { columns: ['store_id', ...keys], csv: `${lines.join('\n')}\n` };
}
