// What the warehouse records per returned line: a condition grade and where the item goes next.
// Shared by the API's schemas and the console's inspection form.

/** A: as new, B: light signs of handling, C: used or damaged, D: unsellable */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** where the item goes; the last three came with disposition by cost (domain/suppliers/disposition.ts) */
export const DISPOSITIONS = [
  'restock',
  'refurbish',
  'dispose',
  'return_to_supplier',
  'liquidate',
  'donate',
  'local_hub',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** the dispositions that put the unit back on a shelf, and so wait to be put away */
export const PUT_AWAY_DISPOSITIONS: readonly Disposition[] = ['restock', 'refurbish'];
