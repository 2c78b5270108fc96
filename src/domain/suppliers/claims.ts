// A claim against a supplier moves through fixed steps (../shared/API.md, "Suppliers"): a draft is
// built and sent; the supplier acknowledges it, then accepts it (in whole or in part) or rejects it;
// an accepted claim is credited once the supplier's credits, refunds or replacements reach what it
// accepted. Each step names the statuses it may start from.
import { AppError } from '../errors.ts';

export const CLAIM_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'accepted',
  'partly_accepted',
  'rejected',
  'credited',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STEPS = ['send', 'acknowledge', 'accept', 'reject', 'credit'] as const;
export type ClaimStep = (typeof CLAIM_STEPS)[number];

const FROM: Record<ClaimStep, readonly ClaimStatus[]> = {
  send: ['draft'],
  acknowledge: ['sent'],
  accept: ['sent', 'acknowledged'],
  reject: ['sent', 'acknowledged'],
  credit: ['accepted', 'partly_accepted'],
};

export function nextClaimSteps(status: ClaimStatus): ClaimStep[] {
  return CLAIM_STEPS.filter((s) => FROM[s].includes(status));
}

export function assertClaimStep(status: ClaimStatus, step: ClaimStep): void {
  if (!FROM[step].includes(status))
    throw new AppError(
      'illegal_transition',
      `A ${status.replace('_', ' ')} claim cannot be ${pastTense[step]}`,
      {
        status,
        allowed_steps: nextClaimSteps(status),
      },
    );
}

const pastTense: Record<ClaimStep, string> = {
  send: 'sent',
  acknowledge: 'acknowledged',
  accept: 'accepted',
  reject: 'rejected',
  credit: 'credited',
};

/** What an acceptance makes of the claim: every line in full is `accepted`, less is `partly_accepted`. */
export function acceptanceStatus(lines: readonly { amount: number; accepted_amount: number }[]): {
  status: 'accepted' | 'partly_accepted';
  accepted: number;
} {
  const accepted = lines.reduce((s, l) => s + l.accepted_amount, 0);
  const full = lines.every((l) => l.accepted_amount >= l.amount);
  return { status: full ? 'accepted' : 'partly_accepted', accepted };
}

/** The claim line's amount: the units' cost less the supplier's restocking fee, rounded half up. */
export function claimLineAmount(unitCostTotal: number, restockingFeePercent: number): number {
  return unitCostTotal - Math.round((unitCostTotal * restockingFeePercent) / 100);
}
