// Exchange rates from a CSV file (`day,base,quote,rate`, one pair and day per row, e.g. a bank's
// daily reference rates saved as CSV). Each row is checked on its own: good rows are saved, bad
// ones come back with their line number and why.

import { parse } from 'csv-parse/sync';
import type { ExchangeRate } from '../../domain/currency.ts';
import { AppError } from '../../domain/errors.ts';
import { rateInputSchema } from './rates.schemas.ts';

export interface RateCsv {
  rates: ExchangeRate[];
  refused: { line: number; errors: string[] }[];
}

const HEADERS = ['day', 'base', 'quote', 'rate'];

export function readRatesCsv(text: string): RateCsv {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (err) {
    throw new AppError('invalid_request', `The CSV cannot be read: ${(err as Error).message}`);
  }
  const first = rows[0];
  if (first) {
    const missing = HEADERS.filter((h) => !(h in first));
    if (missing.length)
      throw new AppError(
        'invalid_request',
        `The CSV needs the columns ${HEADERS.join(', ')}; missing: ${missing.join(', ')}`,
      );
  }
  const out: RateCsv = { rates: [], refused: [] };
  rows.forEach((row, i) => {
    const parsed = rateInputSchema.safeParse({
      day: row.day,
      base: row.base,
      quote: row.quote,
      rate: row.rate,
    });
    if (parsed.success) out.rates.push(parsed.data);
    // line 1 is the header
    else
      out.refused.push({
        line: i + 2,
        errors: parsed.error.issues.map((e) => `${e.path.join('.') || 'row'}: ${e.message}`),
      });
  });
  return out;
}
