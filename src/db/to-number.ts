// bigint and numeric arrive as strings from both drivers by default; our amounts are integers far
// below 2^53, and aggregates (sum, count) would otherwise leak strings into the API. (A file of its
// own so that PGlite's early start, src/db/pglite-instance.ts, imports nothing more.)
export const toNumber = (v: string) => Number(v);
