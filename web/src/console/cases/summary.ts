// A case in one line for the queues: the dispute's amount and reason, the parcel, the item problem.
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../api/cases.ts';
import { useFormat } from '../../i18n/format.ts';

export function useCaseSummary() {
  const { t } = useTranslation();
  const format = useFormat();
  return (c: Pick<CaseListItem, 'kind' | 'data'>): string => {
    const d = c.data;
    switch (c.kind) {
      case 'dispute':
        return t('cases.summary.dispute', {
          amount: typeof d.amount === 'number' ? format.money(d.amount, String(d.currency ?? 'EUR')) : '–',
          provider: String(d.provider ?? ''),
          reason: String(d.reason ?? ''),
        });
      case 'item_problem':
        return t(`cases.problem.${String(d.reason)}`, { defaultValue: String(d.reason ?? '') });
      case 'lost_parcel':
      case 'delivery_delay':
        return t('cases.summary.parcel', { id: String(d.fulfillment_id ?? '') });
      case 'cancellation':
        return String(d.reason ?? '') || t('cases.kindOne.cancellation');
      case 'address_change': {
        const a = d.shipping_address as { city?: string; country?: string } | undefined;
        return a ? `${a.city ?? ''} (${a.country ?? ''})` : t('cases.kindOne.address_change');
      }
      default:
        return String(d.subject ?? d.message ?? '').slice(0, 120);
    }
  };
}
