// The return request being put together, and what follows from it: which steps it needs, the body of
// each preview, the body of the final request. Pure, so the wizard's rules read in one place.
import type {
  CreateReturnBody,
  LineDecision,
  PreviewBody,
  Resolution,
  ResolutionType,
  ReturnMethod,
  ShippingMethod,
} from '../api/types.ts';

export interface Draft {
  /** chosen lines and how many units of each */
  quantities: Record<string, number>;
  /** a normalised reason code or one of the store's own */
  reason: string | null;
  opened: boolean;
  note: string;
  /** photos or videos per line, uploaded once the return exists */
  files: Record<string, File[]>;
  resolution: ResolutionType | null;
  /** for an exchange: the SKU each line is exchanged for */
  exchange: Record<string, string>;
  method: ShippingMethod | null;
}

export const EMPTY_DRAFT: Draft = {
  quantities: {},
  reason: null,
  opened: false,
  note: '',
  files: {},
  resolution: null,
  exchange: {},
  method: null,
};

export type StepId = 'items' | 'reason' | 'photos' | 'resolution' | 'method' | 'review';

export function stepsFor(draft: Draft, evidenceLines: string[]): StepId[] {
  const steps: StepId[] = ['items', 'reason'];
  if (evidenceLines.length > 0) steps.push('photos');
  steps.push('resolution');
  // Keeping the item sends nothing back, so there is no way of sending to choose.
  if (draft.resolution !== 'keep_item') steps.push('method');
  steps.push('review');
  return steps;
}

/**
 * The counter the customer reads ("step 2 of 4"): four stages that are the same for every request,
 * so it never grows mid-way when photos are asked for or shrinks when the item is kept. Photos
 * belong to the reason, the way of sending to the outcome.
 */
const STAGE: Record<StepId, number> = { items: 1, reason: 2, photos: 2, resolution: 3, method: 3, review: 4 };
export const STAGES = 4;

export function stageOf(step: StepId): number {
  return STAGE[step];
}

export function chosenLines(draft: Draft) {
  return Object.entries(draft.quantities)
    .filter(([, q]) => q > 0)
    .map(([line_id, quantity]) => ({ line_id, quantity, opened: draft.opened }));
}

export function resolutionOf(draft: Draft, type = draft.resolution): Resolution | undefined {
  if (!type) return undefined;
  if (type !== 'exchange') return { type };
  return {
    type,
    lines: chosenLines(draft).flatMap((l) => {
      const sku = draft.exchange[l.line_id];
      return sku ? [{ line_id: l.line_id, sku }] : [];
    }),
  };
}

/** What keep-the-item travels with: nothing is sent. */
export function methodOf(draft: Draft, fallback: ShippingMethod): ReturnMethod {
  return draft.resolution === 'keep_item' ? 'none' : (draft.method ?? fallback);
}

export function previewBody(
  draft: Draft,
  language: string,
  over: { method: ReturnMethod; resolution?: ResolutionType | null },
): PreviewBody | null {
  const lines = chosenLines(draft);
  if (!draft.reason || lines.length === 0) return null;
  const resolution = resolutionOf(draft, over.resolution === undefined ? draft.resolution : over.resolution);
  if (resolution?.type === 'exchange' && resolution.lines.length === 0) return null;
  return {
    reason: draft.reason,
    lines,
    method: over.method,
    language,
    ...(resolution ? { resolution } : {}),
  };
}

export function createBody(draft: Draft, language: string, method: ReturnMethod): CreateReturnBody {
  const resolution = resolutionOf(draft);
  if (!draft.reason || !resolution) throw new Error('the draft is not complete');
  return {
    lines: chosenLines(draft).map((l) => ({ ...l, reason: draft.reason as string, note: draft.note.trim() })),
    resolution,
    method,
    language,
  };
}

/** A return has one resolution: what every chosen line offers, in the engine's order. */
export function commonResolutions(decisions: LineDecision[]): ResolutionType[] {
  const [first, ...rest] = decisions;
  if (!first) return [];
  return first.resolutions.filter((r) => rest.every((d) => d.resolutions.includes(r)));
}

/** Still eligible once the method is set aside: the reason step asks before a method is chosen. */
export function eligibleApartFromMethod(d: LineDecision, methodKnown: boolean): boolean {
  if (d.eligible) return true;
  if (methodKnown) return false;
  const refusals = d.explanations.filter((e) => e.code === 'method_not_offered');
  return refusals.length > 0 && !d.explanations.some((e) => BLOCKING.has(e.code));
}

/** explanation codes that make a line ineligible whatever the method */
const BLOCKING = new Set([
  'outside_window',
  'not_delivered',
  'quantity_exceeds_remaining',
  'quantity_invalid',
  'unknown_line',
  'exempt_personalized',
  'exempt_perishable',
  'exempt_sealed_hygiene',
  'exempt_sealed_media',
  'exempt_digital',
  'final_sale',
  'not_returnable_rule',
]);

export function filesCount(draft: Draft): number {
  return Object.values(draft.files).reduce((sum, fs) => sum + fs.length, 0);
}
