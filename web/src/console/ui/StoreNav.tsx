import {
  IconChartLine,
  IconCurrencyEuro,
  IconFileDescription,
  IconGift,
  IconMailCog,
  IconPackageImport,
  IconPlugConnected,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavItem } from './NavItem.tsx';

export function StoreNav() {
  const { t } = useTranslation();
  return (
    <>
      <NavItem to="/console/policy" label={t('nav.policy')} icon={IconFileDescription} />
      <NavItem to="/console/rates" label={t('nav.rates')} icon={IconCurrencyEuro} />
      <NavItem to="/console/put-away" label={t('nav.putAway')} icon={IconPackageImport} />
      <NavItem to="/console/store-credit" label={t('nav.storeCredit')} icon={IconGift} />
      <NavItem to="/console/messages/templates" label={t('nav.templates')} icon={IconMailCog} />
      <NavItem to="/console/integrations" label={t('nav.integrations')} icon={IconPlugConnected} />
      <NavItem to="/console/analytics" label={t('nav.analytics')} icon={IconChartLine} />
    </>
  );
}
