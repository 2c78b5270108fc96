// Names and readable values for any path of the policy document: the changes list and the versions
// diff speak the form's words ("Change of mind › Return window: 30 days → 14 days"), not JSON paths.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Json } from './draft.ts';

const MONEY = new Set(['return_shipping_fee', 'max_unit_value', 'estimated_return_cost', 'max_refund']);
const SECTIONS = new Set(['change_of_mind', 'seller_fault', 'keep_item', 'auto_approve']);
const LISTS: Record<string, string> = {
  reasons: 'reasons',
  evidence_required_for: 'reasons',
  resolutions: 'resolution',
  return_methods: 'method',
  non_returnable_flags: 'flags',
  non_returnable_when_opened: 'flags',
  flags: 'flags',
};

export function usePolicyLabels(currency: string) {
  const { t } = useTranslation();
  const format = useFormat();

  const label = (path: string): string => {
    const parts = path.split('.');
    const [head, second, third, fourth, fifth] = parts;
    if (head === 'rules' && second !== undefined) {
      const rule = t('policy.rules.rule', { n: Number(second) + 1 });
      if (third === undefined) return rule;
      if (third === 'name') return `${rule} › ${t('policy.rules.name')}`;
      const field = fourth === 'order_value' ? (fifth === 'min' ? 'orderMin' : 'orderMax') : fourth;
      const side = t(`policy.rules.${third === 'when' ? 'when' : 'then'}`);
      return field ? `${rule} › ${side} › ${t(`policy.rules.${field}`)}` : `${rule} › ${side}`;
    }
    if (head && SECTIONS.has(head) && second)
      return `${t(`policy.sections.${head}`)} › ${t(`policy.fields.${head}.${second}`, { defaultValue: second })}`;
    return t(`policy.fields.${path}`, { defaultValue: path });
  };

  const value = (path: string, v: Json | undefined): string => {
    if (v === undefined) return t('policy.notSet');
    if (v === null) return path.endsWith('max_refund') ? t('policy.noCeiling') : '–';
    if (typeof v === 'boolean') return v ? t('policy.yes') : t('policy.no');
    const last = path.split('.').at(-1) ?? '';
    const inOrderValue = path.includes('.order_value.');
    if (typeof v === 'number') {
      if (MONEY.has(last) || inOrderValue) return format.money(v, currency);
      if (last.endsWith('_percent')) return `${v} %`;
      if (last === 'window_days') return t('policy.units.daysCount', { count: v });
      if (last === 'review_sla_hours') return t('policy.units.hoursCount', { count: v });
      if (last === 'refund_sla_business_days') return t('policy.units.businessDaysCount', { count: v });
      return String(v);
    }
    if (typeof v === 'string')
      return last === 'path' || last === 'return_shipping' ? t(`policy.values.${v}`, { defaultValue: v }) : v;
    if (Array.isArray(v)) {
      if (v.length === 0) return t('policy.none');
      if (v.some((x) => x !== null && typeof x === 'object'))
        return t('policy.rules.count', { count: v.length });
      const prefix = LISTS[last];
      return v
        .map((x) => (prefix ? t(`${prefix}.${String(x)}`, { defaultValue: String(x) }) : String(x)))
        .join(', ');
    }
    if (/^rules\.\d+$/.test(path))
      return typeof v.name === 'string' && v.name ? v.name : t('policy.rules.unnamed');
    return JSON.stringify(v);
  };

  return { label, value };
}
