// A supplier's terms in one line for lists: "faulty only · 15 days from delivery · credit · USD".
import type { TFunction } from 'i18next';
import type { Terms } from './api.ts';

export function termsSummary(t: TFunction, terms: Terms): string {
  if (!terms.accepts_returns) return [t('suppliers.summary.noReturns'), terms.currency].join(' · ');
  return [
    t(`suppliers.summary.reasons.${terms.reasons}`),
    t(`suppliers.summary.window.${terms.window_from}`, { count: terms.window_days }),
    t(`suppliers.remedy.${terms.remedy}`),
    terms.currency,
  ].join(' · ');
}
