// What `npm run bench` prints: every measured figure beside the target it answers to (issue 12), for
// each database. A figure without a target is context (e.g. raw COPY, the rate an import is held to).

export type Backend = 'pglite' | 'postgres' | 'node';

export interface Measure {
  /** what was measured, e.g. "return flow, 8 clients" */
  name: string;
  backend: Backend;
  value: number;
  /** "flows/s", "ms", "rows/s", "MB", "s", "decisions/s" */
  unit: string;
  /** the target: at least (>=) or at most (<=) this value, in the same unit */
  target?: { op: '>=' | '<='; value: number; note?: string };
  /** how many operations the figure rests on, and any detail worth printing */
  detail?: string;
}

export const met = (m: Measure): boolean | undefined =>
  m.target ? (m.target.op === '>=' ? m.value >= m.target.value : m.value <= m.target.value) : undefined;

const num = (v: number) =>
  v >= 1000 ? Math.round(v).toLocaleString('en-US') : v >= 100 ? v.toFixed(0) : v.toFixed(v >= 10 ? 1 : 2);

/** A Markdown table: what, database, measured, target, met. */
export function table(measures: Measure[]): string {
  const lines = ['| what | database | measured | target | met |', '|---|---|---:|---:|:---:|'];
  for (const m of measures) {
    const t = m.target ? `${m.target.op === '>=' ? '≥' : '≤'} ${num(m.target.value)} ${m.unit}` : '–';
    const ok = met(m);
    const detail = m.detail ? ` (${m.detail})` : '';
    lines.push(
      `| ${m.name}${detail} | ${m.backend} | ${num(m.value)} ${m.unit} | ${t}${m.target?.note ? ` ${m.target.note}` : ''} | ${ok === undefined ? '' : ok ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}
