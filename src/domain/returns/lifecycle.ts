// The return (RMA) lifecycle as a declarative table. assertTransition is the one guard every step
// goes through; the test walks the table so an unreachable or dead-end status fails the build.
import { AppError } from '../errors.ts';

export const RETURN_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'canceled',
  'in_transit',
  'received',
  'inspected',
  'completed',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  requested: ['approved', 'rejected', 'canceled'],
  // completed straight from approved only for keep-the-item (guarded in canTransition)
  approved: ['in_transit', 'received', 'completed', 'canceled'],
  in_transit: ['received'],
  received: ['inspected'],
  inspected: ['completed'],
  rejected: [],
  canceled: [],
  completed: [],
};

export const FINAL_STATUSES: readonly ReturnStatus[] = ['rejected', 'canceled', 'completed'];
export const INITIAL_STATUS: ReturnStatus = 'requested';

export interface TransitionContext {
  keepItem?: boolean;
}

export function canTransition(from: ReturnStatus, to: ReturnStatus, ctx: TransitionContext = {}): boolean {
  if (!RETURN_TRANSITIONS[from].includes(to)) return false;
  if (from === 'approved' && to === 'completed') return ctx.keepItem === true;
  return true;
}

export function assertTransition(from: ReturnStatus, to: ReturnStatus, ctx: TransitionContext = {}): void {
  if (!canTransition(from, to, ctx)) {
    const why =
      from === 'approved' && to === 'completed'
        ? ' (only a keep-the-item return completes without coming back)'
        : '';
    throw new AppError('illegal_transition', `A return cannot go from ${from} to ${to}${why}`, { from, to });
  }
}

export function isFinal(status: ReturnStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
