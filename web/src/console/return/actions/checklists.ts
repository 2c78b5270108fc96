// What the warehouse checks per product category before grading; the answers are stored with the
// inspection so a later dispute can see what was looked at.
import type { Disposition, Grade } from '@domain/returns/inspection.ts';

const CHECKLISTS: Record<string, readonly string[]> = {
  apparel: ['tags_attached', 'unworn', 'no_stains'],
  electronics: ['not_activated', 'accessories_complete', 'no_damage'],
  cosmetics: ['sealed'],
};
const DEFAULT_CHECKLIST = ['as_described'] as const;

export function checklistFor(category: string | null): readonly string[] {
  return (category && CHECKLISTS[category]) || DEFAULT_CHECKLIST;
}

export { GRADES, type Grade } from '@domain/returns/inspection.ts';

/** A sensible first choice the inspector can override: good items go back on the shelf. */
export const DISPOSITION_FOR_GRADE = {
  A: 'restock',
  B: 'restock',
  C: 'refurbish',
  D: 'dispose',
} as const satisfies Record<Grade, Disposition>;
