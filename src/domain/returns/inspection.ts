// What the warehouse records per returned line: a condition grade and where the item goes next.
// Shared by the API's schemas and the console's inspection form.

/** A: as new, B: light signs of handling, C: used or damaged, D: unsellable */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export const DISPOSITIONS = ['restock', 'refurbish', 'dispose', 'return_to_supplier'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
