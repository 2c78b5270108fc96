// Opaque cursors: base64url JSON of the last row's sort key. Lists answer { data, next_cursor }.
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

export function encodeCursor(value: Record<string, string>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

// What each cursor field may hold, so a forged cursor is refused before it reaches SQL.
const FIELD_FORMAT: Record<string, (v: string) => boolean> = {
  id: (v) => z.uuid().safeParse(v).success,
  offset: (v) => /^\d{1,9}$/.test(v),
  placed_at: (v) => !Number.isNaN(Date.parse(v)),
  created_at: (v) => !Number.isNaN(Date.parse(v)),
  at: (v) => !Number.isNaN(Date.parse(v)),
};

export function decodeCursor<T extends Record<string, string>>(
  cursor: string | undefined,
  keys: (keyof T & string)[],
): T | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
    const valid = (k: keyof T & string) => {
      const v = value[k];
      return typeof v === 'string' && (FIELD_FORMAT[k]?.(v) ?? true);
    };
    if (keys.every(valid)) return value;
  } catch {
    // fall through to the refusal
  }
  throw new AppError('invalid_request', 'The cursor is not one this API handed out', {
    errors: [{ path: 'query.cursor', message: 'invalid cursor' }],
  });
}
