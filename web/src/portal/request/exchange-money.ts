// What an exchange costs or gives back, in one sentence, keeping the new item's price difference
// apart from the fee for the return itself: a same-priced size with a label fee is "the return
// label costs 5.95", never "the difference of 5.95".
import { useTranslation } from 'react-i18next';
import { usePortalFormat } from '../i18n/format.ts';

export interface ExchangeMoney {
  difference: number;
  /** decisions stored before the fee was named apart have none */
  fees?: number;
  due_from_customer: number;
  refund: number;
}

/** Which sentence, with which amounts (minor units): pure, so it is tested without a browser. */
export function exchangeMessage(x: ExchangeMoney): { key: string; amounts: Record<string, number> } {
  const fees = x.fees ?? 0;
  if (x.due_from_customer > 0) {
    if (fees > 0 && x.difference > 0)
      return {
        key: 'wizard.resolution.exchangePayBoth',
        amounts: { difference: x.difference, fees, amount: x.due_from_customer },
      };
    if (fees > 0) return { key: 'wizard.resolution.exchangePayFee', amounts: { fees: x.due_from_customer } };
    return { key: 'wizard.resolution.exchangePay', amounts: { amount: x.due_from_customer } };
  }
  if (x.refund > 0) return { key: 'wizard.resolution.exchangeRefund', amounts: { amount: x.refund } };
  return { key: 'wizard.resolution.exchangeEven', amounts: {} };
}

export function useExchangeText() {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  return (x: ExchangeMoney, currency: string): string => {
    const { key, amounts } = exchangeMessage(x);
    const params = Object.fromEntries(
      Object.entries(amounts).map(([k, v]) => [k, format.money(v, currency)]),
    );
    return t(key, params);
  };
}
