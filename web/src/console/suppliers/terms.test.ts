// The terms' per-SKU exceptions survive the table's rows both ways, and the one-line summary the
// suppliers list shows reads as the English catalogue words it.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.json';
import { defaultTerms, overridesOf, rowsOf } from './terms-fields.ts';
import { termsSummary } from './terms-summary.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: en } }, lng: 'en', initAsync: false });

describe('SKU exceptions as rows', () => {
  const overrides = {
    'CHARGER-65W': { remedy: 'replacement' as const, evidence: ['photos' as const] },
    'MUG-NAME': { reasons: 'seller_fault' as const },
  };

  it('gives one row per SKU and term, and the same exceptions back', () => {
    const rows = rowsOf(overrides);
    expect(rows).toEqual([
      { sku: 'CHARGER-65W', field: 'remedy', value: 'replacement' },
      { sku: 'CHARGER-65W', field: 'evidence', value: ['photos'] },
      { sku: 'MUG-NAME', field: 'reasons', value: 'seller_fault' },
    ]);
    expect(overridesOf(rows)).toEqual(overrides);
  });

  it('drops a row without a SKU, trims the SKU, and lets a later row of the same term win', () => {
    expect(
      overridesOf([
        { sku: '  ', field: 'window_days', value: 10 },
        { sku: ' CABLE ', field: 'window_days', value: 30 },
        { sku: 'CABLE', field: 'window_days', value: 45 },
      ]),
    ).toEqual({ CABLE: { window_days: 45 } });
  });
});

describe('termsSummary', () => {
  const t = i18n.t.bind(i18n);

  it('says reasons, window, remedy and currency', () => {
    expect(termsSummary(t, { ...defaultTerms('USD'), window_days: 15 })).toBe(
      'faulty only · 15 days from delivery · credit · USD',
    );
    expect(
      termsSummary(t, {
        ...defaultTerms('EUR'),
        reasons: 'any',
        window_days: 1,
        window_from: 'receipt_by_store',
        remedy: 'refund',
      }),
    ).toBe('any reason · 1 day from our receipt · refund · EUR');
  });

  it('says when a supplier takes nothing back, whatever the window', () => {
    expect(termsSummary(t, { ...defaultTerms('CNY'), accepts_returns: false })).toBe(
      'takes nothing back · CNY',
    );
  });
});
