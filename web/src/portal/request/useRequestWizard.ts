// The wizard's state and everything derived from it: the engine's answer for the chosen reason, the
// offered resolutions and methods with their amounts, the review preview, the steps and whether each
// one is complete. The components only show it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/transport.ts';
import { useLanguage, useMethodPreviews, usePreview, usePreviews, useStoreInfo } from '../api/queries.ts';
import type { LineDecision, OrderAnswer, ShippingMethod } from '../api/types.ts';
import { lineStates } from '../order/lineState.ts';
import {
  chosenLines,
  commonResolutions,
  createBody,
  type Draft,
  EMPTY_DRAFT,
  eligibleApartFromMethod,
  methodOf,
  previewBody,
  type StepId,
  stepsFor,
} from './draft.ts';
import type { Startable } from './ItemsStep.tsx';
import type { ResolutionOption } from './ResolutionStep.tsx';
import { needsNote } from './reasons.ts';

export function useRequestWizard(answer: OrderAnswer, step: StepId) {
  const language = useLanguage();
  const { methods } = useStoreInfo();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const update = useCallback((patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const { order } = answer;
  const lineOf = (id: string) => order.lines.find((l) => l.id === id);

  const items: Startable[] = lineStates(answer).flatMap((s) =>
    s.kind === 'returnable' || s.kind === 'not_returnable'
      ? [
          {
            line: s.line,
            remaining: s.remaining,
            changeOfMind: s.kind === 'returnable',
            deadline: s.decision.deadline,
          },
        ]
      : [],
  );
  const defaultMethod: ShippingMethod = methods?.[0] ?? 'label';

  // The engine's answer for this reason, before a resolution or a method is chosen.
  const reasonBody = previewBody(draft, language, { method: defaultMethod, resolution: null });
  const reasonPreview = usePreview(reasonBody);
  const decisions = chosenLines(draft).flatMap((c) => {
    const d = reasonPreview.data?.lines.find((l) => l.line_id === c.line_id);
    return d ? [d] : [];
  });
  // Steps follow the last answer while a new one loads; going on waits for the fresh one.
  const fresh = reasonPreview.isPlaceholderData ? undefined : reasonPreview.data;
  const refused = (fresh ? decisions : [])
    .filter((d) => !eligibleApartFromMethod(d, methods !== null))
    .flatMap((d: LineDecision) => {
      const line = lineOf(d.line_id);
      return line ? [{ line, explanations: d.explanations }] : [];
    });
  const evidenceLines = decisions.filter((d) => d.evidence_required).map((d) => d.line_id);

  // Each resolution with its amount; an exchange once its variants are chosen.
  const types = commonResolutions(decisions);
  const plain = reasonBody ? types.filter((r) => r !== 'exchange') : [];
  const plainPreviews = usePreviews(
    plain.flatMap((type) => {
      const body = previewBody(draft, language, {
        method: type === 'keep_item' ? 'none' : defaultMethod,
        resolution: type,
      });
      return body ? [body] : [];
    }),
  );
  const exchangePreview = usePreview(
    draft.resolution === 'exchange' ? previewBody(draft, language, { method: defaultMethod }) : null,
  );
  const resolutionOptions: ResolutionOption[] = types.map((type) => {
    if (type === 'exchange') return { type, preview: exchangePreview.data, error: exchangePreview.error };
    const q = plainPreviews[plain.indexOf(type)];
    return { type, preview: q?.data, error: q?.error ?? null };
  });

  // The methods the store offers, each priced for this request.
  const methodBase =
    draft.resolution && draft.resolution !== 'keep_item'
      ? previewBody(draft, language, { method: defaultMethod })
      : null;
  const methodChoice = useMethodPreviews(methodBase && { ...methodBase });
  const firstOffered = methodChoice.offered[0]?.method;
  useEffect(() => {
    if (!draft.method && firstOffered) update({ method: firstOffered });
  }, [draft.method, firstOffered, update]);

  const method = methodOf(draft, defaultMethod);
  const review = usePreview(step === 'review' ? previewBody(draft, language, { method }) : null);

  const steps = stepsFor(draft, evidenceLines);
  const complete: Record<StepId, boolean> = {
    items: chosenLines(draft).length > 0,
    reason:
      !!draft.reason &&
      (!needsNote(draft.reason) || draft.note.trim().length > 0) &&
      !!fresh &&
      refused.length === 0,
    photos: evidenceLines.every((id) => (draft.files[id]?.length ?? 0) > 0),
    resolution:
      !!draft.resolution &&
      types.includes(draft.resolution) &&
      (draft.resolution !== 'exchange' || chosenLines(draft).every((l) => draft.exchange[l.line_id])),
    method: !!draft.method && methodChoice.offered.some((o) => o.method === draft.method),
    review: !!review.data?.eligible && !review.isPlaceholderData,
  };

  // One Idempotency-Key per distinct request: a double tap or a retry after a dropped answer
  // replays the first return instead of making a second one.
  const keyRef = useRef<{ body: string; key: string } | null>(null);
  const submission = () => {
    const body = createBody(draft, language, method);
    const text = JSON.stringify(body);
    if (keyRef.current?.body !== text) keyRef.current = { body: text, key: newIdempotencyKey() };
    const files = new Map(evidenceLines.map((id) => [id, draft.files[id] ?? []] as const));
    return { body, idempotencyKey: keyRef.current.key, files };
  };

  return {
    draft,
    update,
    items,
    steps,
    complete,
    reasonCheck: {
      pending: reasonPreview.isFetching,
      error: reasonPreview.error,
      preview: fresh,
      refused,
      evidence: evidenceLines.length > 0,
    },
    evidenceLines: evidenceLines.flatMap((id) => lineOf(id) ?? []),
    chosen: chosenLines(draft).flatMap((l) => lineOf(l.line_id) ?? []),
    resolutionOptions,
    methodChoice,
    method,
    review,
    submission,
  };
}
